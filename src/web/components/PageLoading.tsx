/**
 * What <main> shows while a page's code is fetched (each page is its own chunk): a polite live region, so a
 * screen reader hears that the page is coming, and the header and navigation stay in place around it.
 */
export function PageLoading() {
  return (
    <p className="page-loading" role="status" aria-live="polite">
      Loading the page…
    </p>
  );
}
