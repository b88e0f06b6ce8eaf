import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Matchwise</title>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to Home</Link>.
      </p>
    </>
  );
}
