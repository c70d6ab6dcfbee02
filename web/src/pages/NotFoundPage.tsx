import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="notfound">
      <h1>Page not found</h1>
      <p>
        <Link to="/ui/alerts">Go to the alert queue</Link>
      </p>
    </div>
  );
}
