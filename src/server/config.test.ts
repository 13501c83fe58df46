import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1048576,
      TRUST_PROXY: false,
      SEED_DEMO: true,
      WEB_DIST_DIR: './dist/web',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty values as unset and reads the others', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      DATA_DIR: '',
      DATABASE_URL: 'postgres://u@h/db',
      SEED_DEMO: '0',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
    expect(config.SEED_DEMO).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://localhost/ruta'],
    ['BODY_LIMIT_BYTES', '10'],
    ['TRUST_PROXY', 'yes'],
  ])('stops with one sentence naming %s when it is %s', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(variable);
    expect(message).toContain(JSON.stringify(value));
    expect(message.split('\n')).toHaveLength(1);
  });
});
