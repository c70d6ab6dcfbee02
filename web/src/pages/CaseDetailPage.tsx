// One case: where it stands in the pursuit lifecycle, the next step, linked
// alerts and list entries, notes, and the timeline kept by the audit log.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { request } from '../api/client';
import type { Case, CaseNote, CaseStatus } from '../api/types';
import { CASE_STATUSES } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { ErrorBox, Loading, PageHeader, StatusBadge, Who } from '../components/common';
import { statusLabel, when } from '../lib/format';

// The transitions the server accepts (docs/API.md, Case object).
const NEXT: Record<CaseStatus, CaseStatus[]> = {
  open: ['investigating', 'closed'],
  investigating: ['referred', 'closed'],
  referred: ['closed'],
  closed: [],
};
const ACTION: Record<CaseStatus, string> = {
  open: 'Reopen',
  investigating: 'Start investigating',
  referred: 'Refer to partner agency',
  closed: 'Close case',
};

export function CaseDetailPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const canEdit = roleAtLeast(user, 'analyst');
  const qc = useQueryClient();
  const kase = useQuery({ queryKey: ['case', id], queryFn: () => request<Case>(`/cases/${id}`) });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['case', id] });
    qc.invalidateQueries({ queryKey: ['cases'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
  };

  if (kase.isPending) return <Loading what={`case #${id}`} />;
  if (kase.error) return <ErrorBox error={kase.error} what={`load case #${id}`} />;
  const c = kase.data;
  const step = CASE_STATUSES.indexOf(c.status);
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/ui/cases">← Cases</Link>
      </p>
      <PageHeader
        title={
          <>
            <span lang="und">{c.title}</span> <StatusBadge status={c.status} />
          </>
        }
        sub={
          <>
            Case #{c.id} · opened by <Who actor={c.created_by} /> {when(c.created_at)} · updated{' '}
            {when(c.updated_at)}
          </>
        }
      />
      <ol className="stepper" aria-label="Case lifecycle" data-testid="case-stepper">
        {CASE_STATUSES.map((s, i) => (
          <li key={s} className={i < step ? 'done' : i === step ? 'current' : ''} aria-current={i === step ? 'step' : undefined}>
            <span className="dot" aria-hidden="true">
              {i < step ? '✓' : i + 1}
            </span>
            {statusLabel(s)}
            {s === 'referred' && c.counterpart && (
              <span className="step-detail">
                {c.counterpart}
                {c.reference ? ` · ${c.reference}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>

      <div className="detail-grid">
        <div className="detail-main">
          {c.description && (
            <section className="card">
              <h2>Description</h2>
              <p className="prewrap">{c.description}</p>
            </section>
          )}
          <section className="card">
            <h2>Linked alerts and list entries</h2>
            {c.alert_ids.length === 0 && c.entity_ids.length === 0 && <p className="muted">Nothing linked yet.</p>}
            <ul className="links-list">
              {c.alert_ids.map((a) => (
                <li key={`a${a}`}>
                  <Link to={`/ui/alerts/${a}`}>Alert #{a}</Link>
                </li>
              ))}
              {c.entity_ids.map((e) => (
                <li key={`e${e}`}>
                  <span className="chip">list entry</span> <code>{e}</code>
                </li>
              ))}
            </ul>
            {canEdit && <LinkForm id={c.id} onDone={refresh} />}
          </section>
          <section className="card">
            <h2>Notes</h2>
            {(c.notes ?? []).length === 0 && <p className="muted">No notes yet.</p>}
            <ul className="notes" data-testid="case-notes">
              {(c.notes ?? []).map((n) => (
                <li key={n.id}>
                  <div className="muted small">
                    <Who actor={n.author} /> · {when(n.created_at)}
                  </div>
                  <div className="prewrap">{n.text}</div>
                </li>
              ))}
            </ul>
            {canEdit && <NoteForm id={c.id} onDone={refresh} />}
          </section>
        </div>
        <aside className="detail-side">
          {canEdit && NEXT[c.status].length > 0 && <Advance kase={c} onDone={refresh} />}
          <section className="card">
            <h2>Timeline</h2>
            <ol className="timeline" data-testid="case-timeline">
              {(c.timeline ?? []).map((t, i) => (
                <li key={i}>
                  <div>{describe(t.kind, t.detail)}</div>
                  <div className="muted small">
                    <Who actor={t.actor} /> · {when(t.at)}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}

function describe(kind: string, detail: Record<string, unknown> | null): string {
  const d = detail ?? {};
  switch (kind) {
    case 'created':
      return 'Case opened';
    case 'status': {
      const to = String(d.to ?? '');
      let s = `Status ${statusLabel(String(d.from ?? '?'))} → ${statusLabel(to)}`;
      if (d.counterpart) s += ` (${d.counterpart}${d.reference ? `, ${d.reference}` : ''})`;
      if (d.comment) s += `: “${d.comment}”`;
      return s;
    }
    case 'note':
      return 'Note added';
    case 'link': {
      const a = (d.alert_ids as number[] | undefined) ?? [];
      const e = (d.entity_ids as string[] | undefined) ?? [];
      const bits = [...a.map((x) => `alert #${x}`), ...e.map((x) => `entry ${x}`)];
      return `Linked ${bits.join(', ') || 'records'}`;
    }
    default:
      return kind.replace(/_/g, ' ');
  }
}

function Advance({ kase, onDone }: { kase: Case; onDone(): void }) {
  const options = NEXT[kase.status];
  const [to, setTo] = useState<CaseStatus>(options[0]);
  const [counterpart, setCounterpart] = useState('');
  const [reference, setReference] = useState('');
  const [comment, setComment] = useState('');
  const target = options.includes(to) ? to : options[0];
  const patch = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = { status: target };
      if (target === 'referred') {
        body.counterpart = counterpart.trim();
        body.reference = reference.trim();
      }
      if (comment.trim()) body.comment = comment.trim();
      return request<Case>(`/cases/${kase.id}`, { method: 'PATCH', body });
    },
    onSuccess: () => {
      setComment('');
      onDone();
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    patch.mutate();
  };
  return (
    <form className="card advance" onSubmit={submit} aria-label="Advance the case" data-testid="case-advance">
      <h2>Next step</h2>
      <fieldset className="radio-group">
        <legend className="sr-only">Move the case to</legend>
        {options.map((o) => (
          <label key={o} className="check">
            <input type="radio" name="to" value={o} checked={target === o} onChange={() => setTo(o)} />
            {ACTION[o]}
          </label>
        ))}
      </fieldset>
      {target === 'referred' && (
        <>
          <label htmlFor="cp">Partner agency</label>
          <input id="cp" value={counterpart} onChange={(e) => setCounterpart(e.target.value)} required placeholder="e.g. HK Police NB" />
          <label htmlFor="cref">Their reference</label>
          <input id="cref" value={reference} onChange={(e) => setReference(e.target.value)} required placeholder="e.g. NB-2024-77" />
        </>
      )}
      <label htmlFor="ccomment">Comment</label>
      <input id="ccomment" value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" className="primary" disabled={patch.isPending}>
        {ACTION[target]}
      </button>
      <ErrorBox error={patch.error} what="change the status" />
    </form>
  );
}

function NoteForm({ id, onDone }: { id: number; onDone(): void }) {
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => request<CaseNote>(`/cases/${id}/notes`, { method: 'POST', body: { text: text.trim() } }),
    onSuccess: () => {
      setText('');
      onDone();
    },
  });
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) add.mutate();
      }}
    >
      <label htmlFor="note-text">Add a note</label>
      <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={add.isPending || !text.trim()}>
        Add note
      </button>
      <ErrorBox error={add.error} what="add the note" />
    </form>
  );
}

function LinkForm({ id, onDone }: { id: number; onDone(): void }) {
  const [value, setValue] = useState('');
  const link = useMutation({
    mutationFn: () => {
      const tokens = value.split(/[\s,;]+/).filter(Boolean);
      const alert_ids = tokens.filter((t) => /^#?\d+$/.test(t)).map((t) => Number(t.replace('#', '')));
      const entity_ids = tokens.filter((t) => !/^#?\d+$/.test(t));
      return request<Case>(`/cases/${id}/links`, { method: 'POST', body: { alert_ids, entity_ids } });
    },
    onSuccess: () => {
      setValue('');
      onDone();
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) link.mutate();
      }}
    >
      <label htmlFor="link-ids">Link alerts (#17) or list entry ids</label>
      <div className="row">
        <input id="link-ids" value={value} onChange={(e) => setValue(e.target.value)} placeholder="#18, NK-abc" />
        <button type="submit" disabled={link.isPending || !value.trim()}>
          Link
        </button>
      </div>
      <ErrorBox error={link.error} what="link" />
    </form>
  );
}
