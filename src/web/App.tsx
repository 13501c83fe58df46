import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, redirect } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client';
import { AppLayout } from './components/app-layout';
import { PublicLayout } from './components/public-layout';
import { ChangePasswordPage } from './routes/change-password';
import { EnrolPage } from './routes/enrol';
import { HomePage } from './routes/home';
import { NotFoundPage } from './routes/not-found';
import { RouteErrorPage } from './routes/route-error';
import { SecondFactorPage } from './routes/second-factor';
import { SignInPage } from './routes/sign-in';
import { RequireAbility, RequireSession, SignInStep } from './session/guards';
import { SessionLoading } from './session/session-status';
import { cssVariablesResolver, theme } from './theme';

// The account and administration pages are loaded when first opened, so the first visit on a slow phone
// downloads only the sign-in and the home page.
const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <SessionLoading />,
    children: [
      // The public service finder: no sign-in, its own frame, loaded on its own so visitors on slow phones
      // download none of the staff pages. `/services` is its English alias.
      {
        path: 'servicios',
        lazy: async () => ({ Component: (await import('./routes/finder/finder-layout')).FinderLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./routes/finder/finder-page')).FinderPage }),
          },
          {
            path: ':serviceId',
            lazy: async () => ({ Component: (await import('./routes/finder/service-page')).ServicePage }),
          },
        ],
      },
      {
        path: 'services/*',
        loader: ({ request }) => {
          const url = new URL(request.url);
          return redirect(`${url.pathname.replace(/^\/services/, '/servicios')}${url.search}`);
        },
      },
      {
        path: 'sign-in',
        element: <PublicLayout />,
        children: [
          {
            index: true,
            element: (
              <SignInStep stage="signed-out">
                <SignInPage />
              </SignInStep>
            ),
          },
          {
            path: 'second-factor',
            element: (
              <SignInStep stage="second-factor">
                <SecondFactorPage />
              </SignInStep>
            ),
          },
          {
            path: 'enrol',
            element: (
              <SignInStep stage="enrol">
                <EnrolPage />
              </SignInStep>
            ),
          },
          {
            path: 'change-password',
            element: (
              <SignInStep stage="change-password">
                <ChangePasswordPage />
              </SignInStep>
            ),
          },
        ],
      },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('./routes/account/account')).AccountPage }),
          },
          {
            path: 'admin/users',
            element: <RequireAbility ability="listUsers" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/admin/users')).UsersPage }),
              },
              {
                path: 'new',
                element: <RequireAbility ability="manageUsers" />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('./routes/admin/user-create')).UserCreatePage,
                    }),
                  },
                ],
              },
              {
                path: ':userId',
                lazy: async () => ({
                  Component: (await import('./routes/admin/user-detail')).UserDetailPage,
                }),
              },
            ],
          },
          {
            path: 'admin/audit',
            element: <RequireAbility ability="readAudit" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/admin/audit')).AuditPage }),
              },
            ],
          },
          {
            path: 'people/new',
            lazy: async () => ({ Component: (await import('./routes/people/register')).RegistrationPage }),
          },
          {
            path: 'people/:personId/merge',
            lazy: async () => ({ Component: (await import('./routes/people/merge')).MergePage }),
          },
          {
            path: 'people/:personId/characterization',
            lazy: async () => ({
              Component: (await import('./routes/characterization/characterization-page'))
                .CharacterizationPage,
            }),
          },
          {
            path: 'people',
            element: <RequireAbility ability="workWithPersons" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/people/people-list')).PeoplePage }),
              },
              {
                path: ':personId',
                lazy: async () => ({ Component: (await import('./routes/people/person-detail')).PersonPage }),
              },
            ],
          },
          {
            path: 'imports',
            element: <RequireAbility ability="importPersons" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/imports/imports')).ImportsPage }),
              },
            ],
          },
          {
            path: 'households/:householdId',
            element: <RequireAbility ability="workWithPersons" />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('./routes/households/household')).HouseholdPage,
                }),
              },
            ],
          },
          {
            path: 'assessments/:id',
            lazy: async () => ({ Component: (await import('./routes/assessment/fill')).AssessmentPage }),
          },
          {
            path: 'admin/instruments',
            lazy: async () => ({
              Component: (await import('./routes/assessment/instruments')).InstrumentsPage,
            }),
          },
          {
            path: 'needs',
            lazy: async () => ({
              Component: (await import('./routes/characterization/office-needs')).OfficeNeedsPage,
            }),
          },
          {
            path: 'work',
            lazy: async () => ({ Component: (await import('./routes/work/my-work')).MyWorkPage }),
          },
          {
            path: 'work/office',
            lazy: async () => ({ Component: (await import('./routes/work/office-work')).OfficeWorkPage }),
          },
          {
            path: 'arrivals',
            lazy: async () => ({ Component: (await import('./routes/arrivals/board')).ArrivalBoardPage }),
          },
          {
            path: 'arrivals/new',
            lazy: async () => ({ Component: (await import('./routes/arrivals/intake')).ArrivalIntakePage }),
          },
          {
            path: 'arrivals/:arrivalId',
            lazy: async () => ({ Component: (await import('./routes/arrivals/arrival-page')).ArrivalPage }),
          },
          {
            path: 'admin/programmes',
            lazy: async () => ({
              Component: (await import('./routes/admin/programmes')).ProgrammesAdminPage,
            }),
          },
          {
            path: 'admin/protocols',
            lazy: async () => ({ Component: (await import('./routes/work/protocols')).ProtocolsPage }),
          },
          {
            path: 'indicators/integration',
            lazy: async () => ({ Component: (await import('./routes/assessment/indicator')).IndicatorPage }),
          },
          {
            path: 'cases',
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/cases/cases-list')).CasesPage }),
              },
              {
                path: ':caseId',
                lazy: async () => ({ Component: (await import('./routes/cases/case-page')).CasePage }),
              },
            ],
          },
          {
            path: 'inbox',
            lazy: async () => ({ Component: (await import('./routes/referrals/inbox')).InboxPage }),
          },
          {
            path: 'reports/referrals',
            lazy: async () => ({ Component: (await import('./routes/referrals/report')).ReferralReportPage }),
          },
          {
            path: 'directory/hsds',
            lazy: async () => ({
              Component: (await import('./routes/directory/hsds-exchange')).HsdsExchangePage,
            }),
          },
          {
            path: 'case-approvals',
            lazy: async () => ({ Component: (await import('./routes/cases/approvals')).ApprovalsPage }),
          },
          {
            path: 'employment',
            lazy: async () => ({ Component: (await import('./routes/employment/employers')).EmployersPage }),
          },
          {
            path: 'employment/employers/:employerId',
            lazy: async () => ({ Component: (await import('./routes/employment/employers')).EmployerPage }),
          },
          {
            path: 'employment/vacancies',
            lazy: async () => ({ Component: (await import('./routes/employment/vacancies')).VacanciesPage }),
          },
          {
            path: 'employment/vacancies/new',
            lazy: async () => ({
              Component: (await import('./routes/employment/vacancies')).VacancyFormPage,
            }),
          },
          {
            path: 'employment/vacancies/:vacancyId',
            lazy: async () => ({ Component: (await import('./routes/employment/vacancies')).VacancyPage }),
          },
          {
            path: 'employment/vacancies/:vacancyId/edit',
            lazy: async () => ({
              Component: (await import('./routes/employment/vacancies')).VacancyFormPage,
            }),
          },
          {
            path: 'employment/follow-ups',
            lazy: async () => ({ Component: (await import('./routes/employment/follow-ups')).FollowUpsPage }),
          },
          {
            path: 'employment/demand',
            lazy: async () => ({ Component: (await import('./routes/employment/demand')).LabourDemandPage }),
          },
          {
            path: 'employment/vacancies/:vacancyId/candidates',
            lazy: async () => ({
              Component: (await import('./routes/employment/matching-candidates')).VacancyCandidatesPage,
            }),
          },
          {
            path: 'enterprise',
            lazy: async () => ({
              Component: (await import('./routes/enterprise/units-list')).ProductiveUnitsPage,
            }),
          },
          {
            path: 'enterprise/units/:unitId',
            lazy: async () => ({
              Component: (await import('./routes/enterprise/unit-page')).ProductiveUnitPage,
            }),
          },
          {
            path: 'enterprise/courses',
            lazy: async () => ({ Component: (await import('./routes/enterprise/courses')).CoursesPage }),
          },
          {
            path: 'enterprise/courses/:courseId',
            lazy: async () => ({ Component: (await import('./routes/enterprise/courses')).CoursePage }),
          },
          {
            path: 'enterprise/financing',
            lazy: async () => ({
              Component: (await import('./routes/enterprise/financing-inbox')).FinancingInboxPage,
            }),
          },
          {
            path: 'deduplication',
            lazy: async () => ({
              Component: (await import('./routes/deduplication/deduplication')).DeduplicationPage,
            }),
          },
          {
            path: 'deduplication/runs/:runId',
            lazy: async () => ({ Component: (await import('./routes/deduplication/run')).DedupRunPage }),
          },
          {
            path: 'deduplication/pairs/:pairId',
            lazy: async () => ({ Component: (await import('./routes/deduplication/pair')).DedupPairPage }),
          },
          {
            path: 'enterprise/summary',
            lazy: async () => ({
              Component: (await import('./routes/enterprise/summary')).EnterpriseSummaryPage,
            }),
          },
          {
            path: 'directory',
            lazy: async () => ({
              Component: (await import('./routes/directory/directory-list')).DirectoryPage,
            }),
          },
          {
            path: 'directory/services/new',
            lazy: async () => ({
              Component: (await import('./routes/directory/service-form')).ServiceFormPage,
            }),
          },
          {
            path: 'directory/services/:serviceId',
            lazy: async () => ({
              Component: (await import('./routes/directory/service-page')).DirectoryServicePage,
            }),
          },
          {
            path: 'directory/services/:serviceId/edit',
            lazy: async () => ({
              Component: (await import('./routes/directory/service-form')).ServiceFormPage,
            }),
          },
          {
            path: 'directory/locations/new',
            lazy: async () => ({
              Component: (await import('./routes/directory/location-form')).LocationFormPage,
            }),
          },
          {
            path: 'directory/locations/:locationId/edit',
            lazy: async () => ({
              Component: (await import('./routes/directory/location-form')).LocationFormPage,
            }),
          },
          {
            path: 'directory/organizations/:organizationId',
            lazy: async () => ({
              Component: (await import('./routes/directory/organization-page')).DirectoryOrganizationPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

const queryClient = createQueryClient();

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
