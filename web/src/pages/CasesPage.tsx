// Cases: the pursuit of confirmed matches, from open to closed.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { request } from '../api/client';
import type { Case, Page } from '../api/types';
import { CASE_STATUSES } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { Empty, ErrorBox, Loading, PageHeader, Pager, StatusBadge, Who } from '../components/common';
import { statusLabel, when } from '../lib/format';

export function CasesPage() {
  const { user } = useAuth();
  const canEdit = roleAtLeast(user, 'analyst');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [creating, setCreating] = useState(false);
  const cases = useQuery({
    queryKey: ['cases', status, page],
    queryFn: () =>
      request<{ cases: Case[] } & Page>('/cases', { query: { status, page, page_size: 50 } }),
  });
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <PageHeader
        title="Cases"
        sub="Confirmed matches under pursuit: open → investigating → referred to a partner agency → closed."
        actions={
          canEdit && (
            <button type="button" className="primary" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
              New case
            </button>
          )
        }
      />
      {creating && <NewCaseForm onDone={() => setCreating(false)} />}
      <div className="tabs" role="group" aria-label="Filter by status">
        {['', ...CASE_STATUSES].map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={status === s ? 'tab active' : 'tab'}
            aria-pressed={status === s}
            onClick={() => setParam('status', s)}
          >
            {s ? statusLabel(s) : 'All'}
          </button>
        ))}
      </div>
      <ErrorBox error={cases.error} what="load the cases" />
      {cases.isPending && <Loading what="cases" />}
      {cases.data && cases.data.cases.length === 0 && <Empty>No cases{status ? ` with status ${statusLabel(status)}` : ''}.</Empty>}
      {cases.data && cases.data.cases.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="case-list">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Partner agency</th>
                <th scope="col">Alerts</th>
                <th scope="col">Opened by</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/ui/cases/${c.id}`}>#{c.id}</Link>
                  </td>
                  <td className="cell-main">
                    <Link to={`/ui/cases/${c.id}`} lang="und">
                      {c.title}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>
                    {c.counterpart ? (
                      <>
                        {c.counterpart}
                        {c.reference && <div className="cell-sub">{c.reference}</div>}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{c.alert_ids.length}</td>
                  <td>
                    <Who actor={c.created_by} />
                  </td>
                  <td className="nowrap">{when(c.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cases.data && (
        <Pager page={page} pageSize={cases.data.page_size} total={cases.data.total} onPage={(p) => setParam('page', String(p))} />
      )}
    </div>
  );
}

function NewCaseForm({ onDone }: { onDone(): void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [alertIds, setAlertIds] = useState('');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      request<Case>('/cases', {
        method: 'POST',
        body: {
          title: title.trim(),
          description: description.trim(),
          alert_ids: alertIds
            .split(/[\s,;#]+/)
            .filter(Boolean)
            .map(Number)
            .filter((n) => Number.isInteger(n)),
        },
      }),
    onSuccess: (c) => {
      qc.invalidateQueries({ queryKey: ['cases'] });
      onDone();
      navigate(`/ui/cases/${c.id}`);
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (title.trim()) create.mutate();
  };
  return (
    <form className="card grid-form" onSubmit={submit} aria-label="New case">
      <div className="field wide">
        <label htmlFor="c-title">Title</label>
        <input id="c-title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="c-alerts">Linked alerts</label>
        <input id="c-alerts" value={alertIds} onChange={(e) => setAlertIds(e.target.value)} placeholder="e.g. 17, 18" />
      </div>
      <div className="field full">
        <label htmlFor="c-desc">Description</label>
        <textarea id="c-desc" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="form-actions full">
        <ErrorBox error={create.error} what="open the case" />
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Open case
        </button>
      </div>
    </form>
  );
}
