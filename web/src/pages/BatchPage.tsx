// Batch screening: upload a CSV or JSONL file of subjects, watch the server
// work through it, browse the hits, download the results.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { download, request } from '../api/client';
import type { Batch } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { ErrorBox, PageHeader, Score, StatusBadge, Who } from '../components/common';
import { when } from '../lib/format';

const SAMPLE = `id,schema,name,birthDate,nationality,reference
app-1,Person,习近平,1953,cn,APP-0001
app-2,Person,Chan Tai Man,1970-01-02,hk,APP-0002
app-3,Company,Acme Trading Ltd,,,APP-0003`;

function contentTypeFor(name: string, text: string): string {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'application/x-ndjson';
  if (/\.csv$/i.test(name)) return 'text/csv';
  return text.trimStart().startsWith('{') ? 'application/x-ndjson' : 'text/csv';
}

export function BatchPage() {
  const { user } = useAuth();
  const canScreen = roleAtLeast(user, 'analyst');
  const [params, setParams] = useSearchParams();
  const batchId = params.get('id');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [threshold, setThreshold] = useState('0.70');

  const start = useMutation({
    mutationFn: () =>
      request<{ id: string; status: string; total: number }>('/screenings/batch', {
        method: 'POST',
        query: { threshold },
        rawBody: text,
        contentType: contentTypeFor(fileName, text),
      }),
    onSuccess: (r) => setParams({ id: r.id }),
  });

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  }
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (text.trim()) start.mutate();
  };
  const lines = text.trim() ? text.trim().split(/\r?\n/).length : 0;

  return (
    <div className="page">
      <PageHeader
        title="Batch screening"
        sub="Screen a file of customers, applicants or directors. Every hit becomes an alert in the queue."
      />
      {!canScreen && (
        <div className="notice" role="note">
          Your role (<b>{user?.role}</b>) can follow batches but cannot start one.
        </div>
      )}
      {canScreen && (
        <form className="card" onSubmit={submit} aria-label="Start a batch">
          <div className="grid-form">
            <div className="field wide">
              <label htmlFor="b-file">CSV or JSONL file</label>
              <input id="b-file" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => onFile(e.target.files?.[0])} />
            </div>
            <div className="field">
              <label htmlFor="b-threshold">Threshold</label>
              <input id="b-threshold" type="number" min="0.3" max="1" step="0.05" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
            </div>
            <div className="field full">
              <label htmlFor="b-text">
                …or paste the subjects (CSV with a header row: <code>id, schema, name, birthDate, nationality, reference</code>; or one JSON entity per line)
              </label>
              <textarea id="b-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={SAMPLE} spellCheck={false} className="mono" />
            </div>
          </div>
          <div className="form-actions">
            <span className="muted small">
              {lines > 0 ? `${lines} lines${fileName ? ` from ${fileName}` : ''}` : 'Nothing loaded yet.'}
            </span>
            <button type="button" onClick={() => setText(SAMPLE)}>
              Use an example
            </button>
            <button type="submit" className="primary" disabled={start.isPending || !text.trim()}>
              Start batch
            </button>
          </div>
          <ErrorBox error={start.error} what="start the batch" />
        </form>
      )}
      {batchId && <BatchProgress id={batchId} />}
    </div>
  );
}

// One row of GET /batches/{id}/results: a subject line and one of its hits
// (or its error, or neither when nothing matched).
interface ResultRow {
  line: number;
  reference: string | null;
  subject_id: number | null;
  subject_caption: string | null;
  alert_id: number | null;
  alert_status: string | null;
  entity_id: string | null;
  entity_caption: string | null;
  dataset: string | null;
  score: number | null;
  error: string | null;
}

function BatchProgress({ id }: { id: string }) {
  const batch = useQuery({
    queryKey: ['batch', id],
    queryFn: () => request<Batch>(`/batches/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const finished = batch.data && batch.data.status !== 'running';
  const qc = useQueryClient();
  useEffect(() => {
    if (finished) {
      qc.invalidateQueries({ queryKey: ['alerts'] });
      qc.invalidateQueries({ queryKey: ['stats'] });
    }
  }, [finished, qc]);
  const rows = useQuery({
    queryKey: ['batch-results', id],
    enabled: !!finished,
    queryFn: () => request<{ rows: ResultRow[] }>(`/batches/${encodeURIComponent(id)}/results`).then((r) => r.rows),
  });
  const [onlyHits, setOnlyHits] = useState(true);
  const [dlError, setDlError] = useState<unknown>(null);
  if (batch.error) return <ErrorBox error={batch.error} what={`load batch ${id}`} />;
  if (!batch.data) return null;
  const b = batch.data;
  const share = b.total ? (b.done + b.failed) / b.total : 0;
  const shown = (rows.data ?? []).filter((r) => !onlyHits || r.alert_id || r.error);
  return (
    <section className="card" aria-label={`Batch ${b.id}`} data-testid="batch">
      <h2>
        Batch {b.id} <StatusBadge status={b.status} />
      </h2>
      <p className="muted small">
        Started by <Who actor={b.created_by} /> {when(b.created_at)}
        {b.finished_at && ` · finished ${when(b.finished_at)}`}
      </p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={b.total} aria-valuenow={b.done + b.failed} aria-label="Batch progress">
        <span style={{ width: `${share * 100}%` }} />
      </div>
      <p>
        <b>{b.done}</b> of {b.total} screened · <b>{b.alerts}</b> alerts · {b.failed} rows failed
      </p>
      {finished && (
        <>
          <div className="row">
            <label className="check">
              <input type="checkbox" checked={onlyHits} onChange={(e) => setOnlyHits(e.target.checked)} />
              Only rows with hits or errors
            </label>
            <button
              type="button"
              onClick={() => download(`/batches/${encodeURIComponent(b.id)}/results.csv`, `vigil-${b.id}.csv`).catch(setDlError)}
            >
              Download results (CSV)
            </button>
          </div>
          <ErrorBox error={dlError} what="download the results" />
          <ErrorBox error={rows.error} what="load the results" />
          <div className="table-wrap">
            <table className="grid compact">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Hit</th>
                  <th scope="col">Score</th>
                  <th scope="col">Alert</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={i}>
                    <td>{r.line}</td>
                    <td>
                      <div className="cell-main" lang="und">{r.subject_caption}</div>
                      {r.reference && <div className="cell-sub">{r.reference}</div>}
                    </td>
                    <td>
                      {r.error ? (
                        <span className="error-text">{r.error}</span>
                      ) : r.entity_caption ? (
                        <>
                          <div className="cell-main" lang="und">{r.entity_caption}</div>
                          <div className="cell-sub">{r.dataset}</div>
                        </>
                      ) : (
                        <span className="muted">no hit</span>
                      )}
                    </td>
                    <td>{r.score !== null && <Score value={r.score} />}</td>
                    <td>
                      {r.alert_id && (
                        <>
                          <Link to={`/ui/alerts/${r.alert_id}`}>#{r.alert_id}</Link> {r.alert_status && <StatusBadge status={r.alert_status} />}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
