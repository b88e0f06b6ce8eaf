import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.js';
import { PageLoading } from './components/PageLoading.js';
import { ApiError } from './lib/api/problem.js';
import { routerBasename } from './lib/app-base.js';

/**
 * A page loaded on first visit: each page is its own chunk, so opening Matchwise fetches the shell and the page
 * in front of you, not every page (and the map's geometry only where a map is drawn).
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped connection or 5xx might.
      retry: (failureCount, error) =>
        failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const routes: RouteObject[] = [
  // Hosted mode's pages before a session exists: no app shell, nothing of the user's to show.
  { path: '/login', element: lazyPage(() => import('./account/LoginPage.js'), 'LoginPage') },
  { path: '/reset', element: lazyPage(() => import('./account/ResetPasswordPage.js'), 'ResetPasswordPage') },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: lazyPage(() => import('./pages/HomePage.js'), 'HomePage') },
      { path: 'profile', element: lazyPage(() => import('./pages/ProfilePage.js'), 'ProfilePage') },
      { path: 'programs', element: lazyPage(() => import('./pages/ProgramsPage.js'), 'ProgramsPage') },
      { path: 'import', element: lazyPage(() => import('./pages/ImportPage.js'), 'ImportPage') },
      { path: 'list', element: lazyPage(() => import('./pages/MyListPage.js'), 'MyListPage') },
      {
        path: 'applications',
        element: lazyPage(() => import('./pages/ApplicationsPage.js'), 'ApplicationsPage'),
      },
      { path: 'season', element: lazyPage(() => import('./pages/SeasonPage.js'), 'SeasonPage') },
      {
        path: 'interview-prep',
        element: lazyPage(() => import('./pages/InterviewPrepPage.js'), 'InterviewPrepPage'),
      },
      { path: 'rank-list', element: lazyPage(() => import('./pages/RankListPage.js'), 'RankListPage') },
      { path: 'network', element: lazyPage(() => import('./pages/NetworkPage.js'), 'NetworkPage') },
      { path: 'network/:id', element: lazyPage(() => import('./pages/ContactPage.js'), 'ContactPage') },
      { path: 'tasks', element: lazyPage(() => import('./pages/TasksPage.js'), 'TasksPage') },
      { path: 'compose', element: lazyPage(() => import('./pages/ComposePage.js'), 'ComposePage') },
      { path: 'letters', element: lazyPage(() => import('./pages/LettersPage.js'), 'LettersPage') },
      { path: 'events', element: lazyPage(() => import('./pages/EventsPage.js'), 'EventsPage') },
      { path: 'data', element: lazyPage(() => import('./pages/DataPage.js'), 'DataPage') },
      { path: 'advisors', element: lazyPage(() => import('./sharing/AdvisorsPage.js'), 'AdvisorsPage') },
      { path: 'advisees', element: lazyPage(() => import('./sharing/AdviseesPage.js'), 'AdviseesPage') },
      {
        path: 'advisees/accept',
        element: lazyPage(() => import('./sharing/AcceptInvitationPage.js'), 'AcceptInvitationPage'),
      },
      { path: 'cohorts', element: lazyPage(() => import('./cohorts/CohortsPage.js'), 'CohortsPage') },
      { path: 'account', element: lazyPage(() => import('./account/AccountPage.js'), 'AccountPage') },
      { path: 'docs/:name?', element: lazyPage(() => import('./pages/DocsPage.js'), 'DocsPage') },
      { path: '*', element: lazyPage(() => import('./pages/NotFoundPage.js'), 'NotFoundPage') },
    ],
  },
];

// The static edition may be published in a folder of a host (https://host/matchwise/): links and addresses
// are inside it.
const router = createBrowserRouter(routes, { basename: routerBasename() });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
