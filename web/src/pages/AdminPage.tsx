// Administration: API keys, list reload, and the audit chain's integrity.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../api/client';
import type { ApiKey, AuditRecord, AuditVerify, Catalog, ReloadStatus, Role } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { ErrorBox, Loading, PageHeader } from '../components/common';
import { splitActor, when } from '../lib/format';

export function AdminPage() {
  const { user } = useAuth();
  if (!roleAtLeast(user, 'admin'))
    return (
      <div className="page">
        <PageHeader title="Administration" />
        <div className="error" role="alert">
          <strong>Not allowed for your role.</strong> Only an administrator can manage keys and
          reload lists.
        </div>
      </div>
    );
  return (
    <div className="page">
      <PageHeader title="Administration" sub="API keys, watchlists and the audit log." />
      <div className="admin-grid">
        <Keys />
        <div className="stack">
          <Lists />
          <Audit />
        </div>
      </div>
    </div>
  );
}

function Keys() {
  const { user } = useAuth();
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: ['keys'], queryFn: () => request<{ keys: ApiKey[] }>('/keys') });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [created, setCreated] = useState<ApiKey | null>(null);
  const create = useMutation({
    mutationFn: () => request<ApiKey>('/keys', { method: 'POST', body: { name: name.trim(), role } }),
    onSuccess: (k) => {
      setCreated(k);
      setName('');
      qc.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request<ApiKey>(`/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['keys'] }),
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <form className="inline-form row" onSubmit={submit} aria-label="Create a key">
        <div className="field">
          <label htmlFor="k-name">Name</label>
          <input id="k-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. alice" required />
        </div>
        <div className="field">
          <label htmlFor="k-role">Role</label>
          <select id="k-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="viewer">viewer — reads</option>
            <option value="analyst">analyst — screens and decides</option>
            <option value="admin">admin — also keys and lists</option>
          </select>
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create key
        </button>
      </form>
      <ErrorBox error={create.error} what="create the key" />
      {created?.key && (
        <div className="newkey" role="status">
          <p>
            Key for <b>{created.name}</b> ({created.role}). Copy it now: it is shown only once and
            vigil keeps only its hash.
          </p>
          <code className="secret" data-testid="new-key">
            {created.key}
          </code>
          <button type="button" onClick={() => navigator.clipboard?.writeText(created.key ?? '')}>
            Copy
          </button>
        </div>
      )}
      {keys.isPending && <Loading what="keys" />}
      <ErrorBox error={keys.error} what="load the keys" />
      <ErrorBox error={revoke.error} what="revoke the key" />
      {keys.data && (
        <div className="table-wrap">
          <table className="grid compact" data-testid="keys">
            <thead>
              <tr>
                <th scope="col">Key id</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.keys.map((k) => (
                <tr key={k.id} className={k.revoked_at ? 'revoked' : undefined}>
                  <td>
                    <code>{k.id}</code>
                  </td>
                  <td>{k.name}</td>
                  <td>
                    <span className={`role role-${k.role}`}>{k.role}</span>
                  </td>
                  <td className="nowrap">{when(k.created_at)}</td>
                  <td>
                    {k.revoked_at ? (
                      <span className="muted small">revoked {when(k.revoked_at)}</span>
                    ) : k.id === user?.key_id ? // an admin should not lock themself out by accident
                      (
                      <span className="muted small">this session</span>
                    ) : (
                      <button
                        type="button"
                        className="small-btn"
                        onClick={() => {
                          if (window.confirm(`Revoke ${k.name}'s key ${k.id}? It stops working at once.`))
                            revoke.mutate(k.id);
                        }}
                        aria-label={`Revoke key ${k.id} (${k.name})`}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Lists() {
  const qc = useQueryClient();
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: () => request<Catalog>('/catalog') });
  const status = useQuery({ queryKey: ['reload'], queryFn: () => request<ReloadStatus>('/admin/reload') });
  const reload = useMutation({
    mutationFn: () => request<{ status: string; entities: number; took_ms: number }>('/admin/reload', { method: 'POST' }),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['catalog'] });
      qc.invalidateQueries({ queryKey: ['reload'] });
    },
  });
  const last = status.data?.last;
  return (
    <section className="card" aria-labelledby="lists-title">
      <h2 id="lists-title">Watchlists</h2>
      {catalog.data && (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Version</th>
              <th scope="col" className="num">
                Entries
              </th>
            </tr>
          </thead>
          <tbody>
            {catalog.data.datasets.map((d) => (
              <tr key={d.name}>
                <td>
                  <div className="cell-main">{d.title || d.name}</div>
                  {d.source && <div className="cell-sub">{d.source}</div>}
                </td>
                <td className="nowrap">{d.version || '—'}</td>
                <td className="num">{d.entities.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => reload.mutate()} disabled={reload.isPending}>
          {reload.isPending ? 'Reloading…' : 'Reload lists'}
        </button>
        <span className="muted small">
          Re-reads the list files; screening continues on the old lists until the new ones are ready.
        </span>
      </div>
      {reload.data && (
        <p className="ok-text" role="status">
          Reloaded: {reload.data.entities.toLocaleString('en')} entries in {reload.data.took_ms} ms.
        </p>
      )}
      <ErrorBox error={reload.error} what="reload the lists" />
      {last && !reload.data && !reload.error && (
        <p className={last.ok ? 'muted small' : 'error'}>
          Last reload {when(last.at)}: {last.ok ? 'succeeded' : 'failed'} — {last.message}
        </p>
      )}
    </section>
  );
}

function Audit() {
  const verify = useQuery({ queryKey: ['audit-verify'], queryFn: () => request<AuditVerify>('/audit/verify') });
  const n = verify.data?.records ?? 0;
  const recent = useQuery({
    queryKey: ['audit-recent', n],
    enabled: !!verify.data,
    queryFn: () =>
      request<{ records: AuditRecord[] }>('/audit', { query: { since: Math.max(0, n - 8), limit: 8 } }),
  });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      {verify.isPending && <Loading what="verification" />}
      <ErrorBox error={verify.error} what="verify the audit chain" />
      {verify.data && (
        <div className={verify.data.ok ? 'verify ok' : 'verify bad'} role="status" data-testid="audit-verify">
          {verify.data.ok ? (
            <>
              <b>✓ Chain intact.</b> All {verify.data.records.toLocaleString('en')} records verified: none edited,
              deleted or reordered.
            </>
          ) : (
            <>
              <b>✗ Chain broken</b> at record {verify.data.first_bad?.seq}: {verify.data.first_bad?.reason}.
            </>
          )}
          <button type="button" className="small-btn" onClick={() => verify.refetch()}>
            Verify again
          </button>
        </div>
      )}
      {recent.data && recent.data.records.length > 0 && (
        <table className="grid compact audit">
          <caption className="table-caption">Latest records</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {[...recent.data.records].reverse().map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td className="nowrap">{when(r.at)}</td>
                <td>
                  <Actor actor={r.actor} />
                </td>
                <td>
                  {r.action} <span className="muted">{r.object_type} {r.object_id}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// "alice (vk_3f9a1c0b)" -> alice, with the key id small beneath.
function Actor({ actor }: { actor: string }) {
  const { name, keyId } = splitActor(actor);
  return (
    <>
      <div>{name}</div>
      {keyId && <div className="cell-sub">{keyId}</div>}
    </>
  );
}
