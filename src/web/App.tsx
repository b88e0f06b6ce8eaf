import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.js';
import { ApiError } from './lib/api/problem.js';
import { ApplicationsPage } from './pages/ApplicationsPage.js';
import { ComposePage } from './pages/ComposePage.js';
import { ContactPage } from './pages/ContactPage.js';
import { DataPage } from './pages/DataPage.js';
import { EventsPage } from './pages/EventsPage.js';
import { HomePage } from './pages/HomePage.js';
import { ImportPage } from './pages/ImportPage.js';
import { InterviewPrepPage } from './pages/InterviewPrepPage.js';
import { LettersPage } from './pages/LettersPage.js';
import { MyListPage } from './pages/MyListPage.js';
import { NetworkPage } from './pages/NetworkPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { ProgramsPage } from './pages/ProgramsPage.js';
import { RankListPage } from './pages/RankListPage.js';
import { SeasonPage } from './pages/SeasonPage.js';
import { TasksPage } from './pages/TasksPage.js';

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

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'programs', element: <ProgramsPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'list', element: <MyListPage /> },
      { path: 'applications', element: <ApplicationsPage /> },
      { path: 'season', element: <SeasonPage /> },
      { path: 'interview-prep', element: <InterviewPrepPage /> },
      { path: 'rank-list', element: <RankListPage /> },
      { path: 'network', element: <NetworkPage /> },
      { path: 'network/:id', element: <ContactPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'compose', element: <ComposePage /> },
      { path: 'letters', element: <LettersPage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'data', element: <DataPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
