import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { ScreenPage } from './pages/ScreenPage';
import { BatchPage } from './pages/BatchPage';
import { AlertsPage } from './pages/AlertsPage';
import { AlertDetailPage } from './pages/AlertDetailPage';
import { CasesPage } from './pages/CasesPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { DashboardPage } from './pages/DashboardPage';
import { AdminPage } from './pages/AdminPage';
import { NotFoundPage } from './pages/NotFoundPage';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final: retrying a 403 only delays the message.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

// Every console page lives under /ui/ so that no page path is also an API
// route (GET /alerts/17 is JSON; /ui/alerts/17 is the page about it).
const router = createBrowserRouter([
  { path: '/', element: <Navigate to="/ui/alerts" replace /> },
  { path: '/ui/login', element: <LoginPage /> },
  {
    path: '/ui',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/ui/alerts" replace /> },
      { path: 'screen', element: <ScreenPage /> },
      { path: 'batch', element: <BatchPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'alerts/:id', element: <AlertDetailPage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/:id', element: <CaseDetailPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
