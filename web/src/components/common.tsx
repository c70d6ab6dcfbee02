// Small building blocks used on every page: status badges, scores, errors,
// loading states, pagination, property tables.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import type { Entity } from '../api/types';
import { pct, propertyLabel, scoreBand, sortedProperties, splitActor, statusLabel } from '../lib/format';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>;
}

export function Score({ value, big }: { value: number; big?: boolean }) {
  const band = scoreBand(value);
  return (
    <span
      className={`score band-${band}${big ? ' score-big' : ''}`}
      title={`score ${value.toFixed(3)}`}
      aria-label={`score ${pct(value)} out of 100`}
    >
      <span className="score-num">{pct(value)}</span>
      {big && <span className="score-caption">match score</span>}
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      </span>
    </span>
  );
}

export function ErrorBox({ error, what }: { error: unknown; what?: string }) {
  if (!error) return null;
  let text = String(error);
  let title = what ? `Could not ${what}` : 'Something went wrong';
  if (error instanceof ApiError) {
    text = error.message;
    if (error.forbidden) title = 'Not allowed for your role';
    else if (error.status === 404) title = 'Not found';
  } else if (error instanceof Error) text = error.message;
  return (
    <div className="error" role="alert">
      <strong>{title}.</strong> {text}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function PageHeader({
  title,
  sub,
  actions,
}: {
  title: ReactNode;
  sub?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {sub && <p className="sub">{sub}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(p: number): void;
}) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span>
        Page {page} of {last}
      </span>
      <button type="button" disabled={page >= last} onClick={() => onPage(page + 1)}>
        Next →
      </button>
    </nav>
  );
}

// Every property of an entity, in reading order, multi-values one per line.
export function PropertyTable({ entity, compareWith }: { entity: Entity; compareWith?: Entity }) {
  const rows = sortedProperties(entity.properties ?? {});
  const other = compareWith?.properties ?? {};
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().trim();
  return (
    <table className="props">
      <tbody>
        {rows.map(([prop, values]) => (
          <tr key={prop}>
            <th scope="row">{propertyLabel(prop)}</th>
            <td>
              {values.map((v, i) => {
                const shared = (other[prop] ?? []).some((o) => norm(o) === norm(v));
                return (
                  <div key={i} className={shared ? 'shared' : undefined} title={shared ? 'same value on both sides' : undefined}>
                    {v}
                  </div>
                );
              })}
            </td>
          </tr>
        ))}
        {entity.datasets && entity.datasets.length > 0 && (
          <tr>
            <th scope="row">Source lists</th>
            <td>
              {entity.datasets.map((d) => (
                <span key={d} className="chip">
                  {d}
                </span>
              ))}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function AlertLink({ id }: { id: number }) {
  return <Link to={`/ui/alerts/${id}`}>#{id}</Link>;
}

// Actors are recorded as "alice (vk_3f9a1c0b)": show the name, keep the key id
// one hover away (it is what the audit log and `vigil keys list` show).
export function Who({ actor }: { actor: string | null | undefined }) {
  if (!actor) return <>—</>;
  const { name, keyId } = splitActor(actor);
  return keyId ? <span title={`key ${keyId}`}>{name}</span> : <>{name}</>;
}
