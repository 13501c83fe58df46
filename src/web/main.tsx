import './styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadChosenLanguage } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

await loadChosenLanguage();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
