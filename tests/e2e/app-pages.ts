/** Every page of the app (src/web/App.tsx), as the navigation reaches them: suites that visit them all share it. */
export const APP_PAGES = [
  '/',
  '/profile',
  '/programs',
  '/import',
  '/list',
  '/applications',
  '/season',
  '/interview-prep',
  '/rank-list',
  '/network',
  '/tasks',
  '/compose',
  '/letters',
  '/events',
  '/data',
] as const;
