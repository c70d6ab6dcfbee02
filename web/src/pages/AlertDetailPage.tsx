// One alert: why it matched, the subject and the list entry side by side, its
// history, and the decision. Keyboard (outside text fields): m = match,
// n = no match, e = escalate, c = comment, Esc = back to the queue.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { request } from '../api/client';
import type { Alert, AlertDetail, Case, Decision, Page } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { ErrorBox, Loading, PageHeader, PropertyTable, Score, StatusBadge, Who } from '../components/common';
import { ExplanationView } from '../components/ExplanationView';
import { DECISION_LABEL, statusLabel, when } from '../lib/format';

const DECISIONS: { d: Decision; key: string; cls: string; hint: string }[] = [
  { d: 'match', key: 'm', cls: 'danger', hint: 'Same person or company as the list entry' },
  { d: 'no_match', key: 'n', cls: 'ok', hint: 'A different person: suppresses this pair until the list entry changes' },
  { d: 'escalate', key: 'e', cls: 'warn', hint: 'Needs a senior analyst' },
];

export function AlertDetailPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const canDecide = roleAtLeast(user, 'analyst');
  const navigate = useNavigate();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const alert = useQuery({
    queryKey: ['alert', id],
    queryFn: () => request<AlertDetail>(`/alerts/${id}`),
  });

  const decide = useMutation({
    mutationFn: (d: Decision) =>
      request<{ decision_id: number; alert: Alert }>(`/alerts/${id}/decision`, {
        method: 'POST',
        body: comment.trim() ? { decision: d, comment: comment.trim() } : { decision: d },
      }),
    onSuccess: async (r, d) => {
      await qc.invalidateQueries({ queryKey: ['alerts'] });
      await qc.invalidateQueries({ queryKey: ['alert', id] });
      qc.invalidateQueries({ queryKey: ['stats'] });
      setComment('');
      const flash = `Alert #${r.alert.id} decided: ${DECISION_LABEL[d]}.`;
      // Go straight to the next open alert: the common path is decide, next.
      const next = await request<{ alerts: Alert[] } & Page>('/alerts', {
        query: { status: 'open', page_size: 1 },
      }).catch(() => null);
      const nextId = next?.alerts?.[0]?.id;
      if (nextId !== undefined && String(nextId) !== id)
        navigate(`/ui/alerts/${nextId}`, { state: { flash } });
      else navigate('/ui/alerts', { state: { flash: `${flash} The queue is clear.` } });
    },
  });

  const openCase = useMutation({
    mutationFn: (a: AlertDetail) =>
      request<Case>('/cases', {
        method: 'POST',
        body: {
          title: `${a.subject_caption} — ${a.entity_caption}`,
          description: `Opened from alert #${a.id} (${a.dataset}, score ${Math.round(a.score * 100)}).`,
          alert_ids: [a.id],
          entity_ids: [a.entity_id],
        },
      }),
    onSuccess: (c) => {
      qc.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/ui/cases/${c.id}`);
    },
  });

  useEffect(() => {
    if (!canDecide) return;
    const onKey = (ev: KeyboardEvent) => {
      const t = ev.target as HTMLElement;
      if (ev.key === 'Escape') {
        if (t === commentRef.current) commentRef.current?.blur();
        else navigate('/ui/alerts');
        return;
      }
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      if (ev.metaKey || ev.ctrlKey || ev.altKey || decide.isPending || !alert.data) return;
      const match = DECISIONS.find((x) => x.key === ev.key);
      if (match) {
        ev.preventDefault();
        decide.mutate(match.d);
      } else if (ev.key === 'c') {
        ev.preventDefault();
        commentRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canDecide, decide, alert.data, navigate]);

  if (alert.isPending) return <Loading what={`alert #${id}`} />;
  if (alert.error) return <ErrorBox error={alert.error} what={`load alert #${id}`} />;
  const a = alert.data;
  const decided = a.status !== 'open';
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/ui/alerts">← Alert queue</Link>
      </p>
      {flash && (
        <div className="flash" role="status">
          {flash} Here is the next open alert.
        </div>
      )}
      <PageHeader
        title={
          <>
            Alert #{a.id} <StatusBadge status={a.status} />
          </>
        }
        sub={
          <>
            Raised {when(a.created_at)} on list <b>{a.dataset}</b>
            {a.reference && (
              <>
                {' '}
                · reference <b>{a.reference}</b>
              </>
            )}
          </>
        }
        actions={<Score value={a.score} big />}
      />

      {a.suppressed_by && (
        <div className="notice">
          Suppressed: <Who actor={a.suppressed_by.decided_by} /> decided “no match” for the same subject and list
          entry on <AlertLinkInline id={a.suppressed_by.alert_id} /> ({when(a.suppressed_by.decided_at)})
          {a.suppressed_by.comment ? `: “${a.suppressed_by.comment}”` : ''}. It comes back if the
          list entry changes.
        </div>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2>Why it matched</h2>
            <ExplanationView explanation={a.explanation} score={a.score} />
          </section>
          <section className="card side-by-side" aria-label="Subject and list entry">
            <div>
              <h2>Subject</h2>
              <p className="entity-head" lang="und">
                {a.subject_caption} <span className="muted">{a.subject?.schema}</span>
              </p>
              {a.subject && <PropertyTable entity={a.subject} compareWith={a.entity} />}
            </div>
            <div>
              <h2>List entry</h2>
              <p className="entity-head" lang="und">
                {a.entity_caption} <span className="muted">{a.entity?.schema}</span>
              </p>
              <p className="muted small">{a.entity_id}</p>
              {a.entity && <PropertyTable entity={a.entity} compareWith={a.subject} />}
            </div>
          </section>
        </div>

        <aside className="detail-side">
          {canDecide ? (
            <section className="card decision" aria-label="Decision" data-testid="decision-panel">
              <h2>{decided ? 'Change the decision' : 'Decide'}</h2>
              {decided && (
                <p className="muted small">
                  Currently <b>{statusLabel(a.status)}</b>. A new decision replaces the status; the
                  earlier one stays in the history.
                </p>
              )}
              <label htmlFor="d-comment">Comment (recorded with your decision)</label>
              <textarea
                id="d-comment"
                ref={commentRef}
                rows={3}
                value={comment}
                maxLength={4000}
                onChange={(e) => setComment(e.target.value)}
                placeholder="e.g. different birth date (1982 vs 1953)"
              />
              <div className="decision-buttons">
                {DECISIONS.map((x) => (
                  <button
                    key={x.d}
                    type="button"
                    className={`decide ${x.cls}`}
                    onClick={() => decide.mutate(x.d)}
                    disabled={decide.isPending}
                    title={x.hint}
                    aria-keyshortcuts={x.key}
                  >
                    {DECISION_LABEL[x.d]} <kbd>{x.key}</kbd>
                  </button>
                ))}
              </div>
              <ErrorBox error={decide.error} what="record the decision" />
              <p className="kbd-help small">
                <kbd>c</kbd> comment · <kbd>Esc</kbd> back to queue
              </p>
              <hr />
              <button type="button" onClick={() => openCase.mutate(a)} disabled={openCase.isPending}>
                Open a case from this alert
              </button>
              <ErrorBox error={openCase.error} what="open a case" />
            </section>
          ) : (
            <section className="card" aria-label="Decision">
              <h2>Decision</h2>
              <p className="muted">
                Your role (<b>{user?.role}</b>) can read alerts but not decide them.
              </p>
            </section>
          )}

          <section className="card">
            <h2>History</h2>
            <ol className="history" data-testid="alert-history">
              {(a.history ?? []).map((h, i) => (
                <li key={i}>
                  <div>
                    <b>{historyLabel(h.action, h.decision)}</b>{' '}
                    {h.status && <StatusBadge status={h.status} />}
                  </div>
                  <div className="muted small">
                    <Who actor={h.actor} /> · {when(h.at)}
                  </div>
                  {h.comment && <div className="quote">“{h.comment}”</div>}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}

function historyLabel(action: string, decision?: string): string {
  if (action === 'decision' && decision) return `Decided: ${DECISION_LABEL[decision] ?? decision}`;
  if (action === 'created') return 'Raised by screening';
  return action.charAt(0).toUpperCase() + action.slice(1).replace(/_/g, ' ');
}

function AlertLinkInline({ id }: { id: number }) {
  return <Link to={`/ui/alerts/${id}`}>alert #{id}</Link>;
}
