// The alert queue: what analysts work through all day. Filters live in the
// URL (shareable, kept on back). Keyboard: j/k move, Enter opens, / focuses
// the status filter.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { request } from '../api/client';
import type { Alert, Catalog, Page } from '../api/types';
import { ErrorBox, Empty, Loading, PageHeader, Pager, Score, StatusBadge } from '../components/common';
import { nextDay, when } from '../lib/format';

// Score bands: [min_score, max_score) as the queue filters them.
const BANDS: Record<string, [number, number]> = {
  '': [0, 1],
  high: [0.9, 1],
  medium: [0.8, 0.9],
  low: [0, 0.8],
};

const SORTS: Record<string, string> = {
  '-created_at': 'Newest first',
  created_at: 'Oldest first',
  '-score': 'Highest score first',
  score: 'Lowest score first',
};

export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open,escalated';
  const dataset = params.get('dataset') ?? '';
  const band = params.get('band') ?? '';
  const since = params.get('since') ?? '';
  const until = params.get('until') ?? '';
  const sort = params.get('sort') ?? '-created_at';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = 50;
  const navigate = useNavigate();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;

  const update = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const catalog = useQuery({ queryKey: ['catalog'], queryFn: () => request<Catalog>('/catalog') });
  const alerts = useQuery({
    queryKey: ['alerts', status, dataset, band, since, until, sort, page],
    queryFn: () =>
      request<{ alerts: Alert[] } & Page>('/alerts', {
        query: {
          status: status === 'all' ? undefined : status,
          dataset,
          min_score: band ? BANDS[band][0] : undefined,
          max_score: band && BANDS[band][1] < 1 ? BANDS[band][1] : undefined,
          since,
          until: until ? nextDay(until) : undefined,
          sort,
          page,
          page_size: pageSize,
        },
      }),
  });
  const rows = alerts.data?.alerts ?? [];

  const [cursor, setCursor] = useState(0);
  const statusRef = useRef<HTMLSelectElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => setCursor(0), [rows]);
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const t = ev.target as HTMLElement;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
      // Enter on a focused link or button keeps its own meaning.
      if (ev.key === 'Enter' && t && (t.tagName === 'A' || t.tagName === 'BUTTON')) return;
      if (ev.key === 'j' || ev.key === 'ArrowDown') {
        setCursor((c) => Math.min(rows.length - 1, c + 1));
        ev.preventDefault();
      } else if (ev.key === 'k' || ev.key === 'ArrowUp') {
        setCursor((c) => Math.max(0, c - 1));
        ev.preventDefault();
      } else if (ev.key === 'Enter' && rows[cursor]) {
        navigate(`/ui/alerts/${rows[cursor].id}`);
      } else if (ev.key === '/') {
        statusRef.current?.focus();
        ev.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, cursor, navigate]);
  useEffect(() => {
    rowRefs.current[cursor]?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor]);

  const total = alerts.data?.total ?? 0;
  return (
    <div className="page">
      <PageHeader
        title="Alert queue"
        sub={
          alerts.data
            ? `${total} ${status === 'all' ? '' : status.replace(',', ' or ').replace('_', ' ') + ' '}alert${total === 1 ? '' : 's'}`
            : undefined
        }
        actions={
          <span className="kbd-help" aria-label="Keyboard shortcuts">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> filter
          </span>
        }
      />
      {flash && (
        <div className="flash" role="status">
          {flash}
        </div>
      )}
      <form className="filters card" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" ref={statusRef} value={status} onChange={(e) => update('status', e.target.value)}>
            <option value="open,escalated">Open and escalated</option>
            <option value="open">Open</option>
            <option value="escalated">Escalated</option>
            <option value="match">Match</option>
            <option value="no_match">No match</option>
            <option value="suppressed">Suppressed</option>
            <option value="all">All</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-dataset">List</label>
          <select id="f-dataset" value={dataset} onChange={(e) => update('dataset', e.target.value)}>
            <option value="">All lists</option>
            {catalog.data?.datasets.map((d) => (
              <option key={d.name} value={d.name}>
                {d.title || d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-band">Score</label>
          <select id="f-band" value={band} onChange={(e) => update('band', e.target.value)}>
            <option value="">Any score</option>
            <option value="high">90–100 (strong)</option>
            <option value="medium">80–89</option>
            <option value="low">below 80</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-since">From</label>
          <input id="f-since" type="date" value={since} onChange={(e) => update('since', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-until">To</label>
          <input id="f-until" type="date" value={until} onChange={(e) => update('until', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-sort">Order</label>
          <select id="f-sort" value={sort} onChange={(e) => update('sort', e.target.value)}>
            {Object.entries(SORTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ErrorBox error={alerts.error} what="load the alerts" />
      {alerts.isPending && <Loading what="alerts" />}
      {alerts.data && rows.length === 0 && (
        <Empty>
          {status.startsWith('open') ? 'The queue is clear: no open alerts match these filters.' : 'No alerts match these filters.'}
        </Empty>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="grid alerts-table" data-testid="alert-queue">
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Score</th>
                <th scope="col">Subject</th>
                <th scope="col">List entry</th>
                <th scope="col">List</th>
                <th scope="col">Status</th>
                <th scope="col">Raised</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a, i) => (
                <tr
                  key={a.id}
                  ref={(el) => {
                    rowRefs.current[i] = el;
                  }}
                  className={i === cursor ? 'cursor' : undefined}
                  aria-selected={i === cursor}
                  onClick={() => navigate(`/ui/alerts/${a.id}`)}
                  data-alert-id={a.id}
                >
                  <td className="c-id">
                    <Link to={`/ui/alerts/${a.id}`} onClick={(e) => e.stopPropagation()}>
                      #{a.id}
                    </Link>
                  </td>
                  <td className="c-score">
                    <Score value={a.score} />
                  </td>
                  <td className="c-subject">
                    <div className="cell-main" lang="und">
                      {a.subject_caption}
                    </div>
                    {a.reference && <div className="cell-sub">{a.reference}</div>}
                  </td>
                  <td className="c-entry">
                    <div className="cell-main" lang="und">
                      {a.entity_caption}
                    </div>
                    <div className="cell-sub">{a.entity_id}</div>
                  </td>
                  <td className="c-list">
                    <span className="chip">{a.dataset}</span>
                  </td>
                  <td className="c-status">
                    <StatusBadge status={a.status} />
                    {a.suppressed_by && (
                      <div className="cell-sub">by no-match on #{a.suppressed_by.alert_id}</div>
                    )}
                  </td>
                  <td className="c-raised nowrap">{when(a.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} onPage={(p) => update('page', String(p))} />
    </div>
  );
}
