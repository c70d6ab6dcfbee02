// Screen one person or company. By default the screening is recorded
// (POST /screenings): every hit at or above the threshold becomes an alert in
// the review queue. Unticking "record" asks POST /match/default instead: a
// look-up that leaves no alert, and shows the near misses below the threshold.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { request } from '../api/client';
import type {
  Catalog,
  Entity,
  Explanation,
  MatchResponse,
  ScreeningResponse,
  SuppressedBy,
} from '../api/types';
import { SCHEMATA } from '../api/types';
import { roleAtLeast, useAuth } from '../auth';
import { ErrorBox, PageHeader, PropertyTable, Score, StatusBadge, Who } from '../components/common';
import { ExplanationView } from '../components/ExplanationView';
import { when } from '../lib/format';

interface HitView {
  entity: Entity;
  score: number;
  match: boolean;
  explanation: Explanation;
  alert?: { id: number; status: string; isNew: boolean; suppressedBy: SuppressedBy | null };
}

interface Outcome {
  recorded: boolean;
  hits: HitView[];
  screeningId?: number;
  suppressed?: number;
  at?: string;
}

interface FormState {
  name: string;
  schema: string;
  birthDate: string;
  nationality: string;
  idNumber: string;
  reference: string;
  threshold: string;
  dataset: string;
  record: boolean;
}

const EMPTY: FormState = {
  name: '',
  schema: 'Person',
  birthDate: '',
  nationality: '',
  idNumber: '',
  reference: '',
  threshold: '0.70',
  dataset: '',
  record: true,
};

function subjectOf(f: FormState): Entity {
  const properties: Record<string, string[]> = { name: [f.name.trim()] };
  if (f.birthDate.trim() && (f.schema === 'Person' || f.schema === 'LegalEntity' || f.schema === 'Thing'))
    properties.birthDate = [f.birthDate.trim()];
  if (f.nationality.trim()) {
    const values = f.nationality.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    properties[f.schema === 'Person' ? 'nationality' : 'country'] = values;
  }
  if (f.idNumber.trim()) properties.idNumber = [f.idNumber.trim()];
  return { id: '', schema: f.schema, properties };
}

export function ScreenPage() {
  const { user } = useAuth();
  const canScreen = roleAtLeast(user, 'analyst');
  const [form, setForm] = useState<FormState>(EMPTY);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: () => request<Catalog>('/catalog') });
  const qc = useQueryClient();

  const screen = useMutation({
    onSuccess: (o) => {
      // A recorded screening adds alerts: the queue and the figures change.
      if (o.recorded) {
        qc.invalidateQueries({ queryKey: ['alerts'] });
        qc.invalidateQueries({ queryKey: ['stats'] });
      }
    },
    mutationFn: async (f: FormState): Promise<Outcome> => {
      const subject = subjectOf(f);
      const threshold = Number(f.threshold) || 0.7;
      if (f.record) {
        const body: Record<string, unknown> = {
          subject: { schema: subject.schema, properties: subject.properties },
          threshold,
          limit: 10,
        };
        if (f.reference.trim()) body.reference = f.reference.trim();
        if (f.dataset) body.datasets = [f.dataset];
        const r = await request<ScreeningResponse>('/screenings', { method: 'POST', body });
        return {
          recorded: true,
          screeningId: r.screening_id,
          suppressed: r.suppressed,
          at: r.created_at,
          hits: r.alerts.map((a) => ({
            entity: a.entity,
            score: a.score,
            match: true,
            explanation: a.explanation,
            alert: { id: a.id, status: a.status, isNew: a.new, suppressedBy: a.suppressed_by },
          })),
        };
      }
      const r = await request<MatchResponse>(`/match/${encodeURIComponent(f.dataset || 'default')}`, {
        method: 'POST',
        query: { threshold, limit: 10 },
        body: { queries: { q: { schema: subject.schema, properties: subject.properties } } },
      });
      const resp = r.responses.q;
      return {
        recorded: false,
        hits: (resp?.results ?? []).map((h) => ({
          entity: h,
          score: h.score,
          match: h.match,
          explanation: h.explanation,
        })),
      };
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    if (form.name.trim()) screen.mutate(form);
  }

  const isPerson = form.schema === 'Person';
  return (
    <div className="page">
      <PageHeader
        title="Screen a name"
        sub="Any script or spelling: 习近平, Xi Jinping, Hsi Chin-p'ing; 陳大文, Chan Tai Man; Владимир; محمد."
      />
      {!canScreen && (
        <div className="notice" role="note">
          Your role (<b>{user?.role}</b>) can read alerts and cases but cannot screen. Ask an
          administrator for an analyst key.
        </div>
      )}
      <form className="card screen-form" onSubmit={submit} aria-label="Screening subject">
        <fieldset disabled={!canScreen || screen.isPending}>
          <div className="grid-form">
            <div className="field wide">
              <label htmlFor="s-name">Name</label>
              <input
                id="s-name"
                value={form.name}
                onChange={(e) => set('name', e.target.value)}
                placeholder="e.g. 习近平 or Chan Tai Man"
                required
                autoFocus
                lang="und"
              />
            </div>
            <div className="field">
              <label htmlFor="s-schema">Type</label>
              <select id="s-schema" value={form.schema} onChange={(e) => set('schema', e.target.value)}>
                {SCHEMATA.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="s-birth">{isPerson ? 'Birth date' : 'Incorporation date'}</label>
              <input
                id="s-birth"
                value={form.birthDate}
                onChange={(e) => set('birthDate', e.target.value)}
                placeholder="1953, 1953-06 or 1953-06-15"
                pattern="\d{4}(-\d{2}(-\d{2})?)?"
                title="YYYY, YYYY-MM or YYYY-MM-DD"
                disabled={!isPerson}
              />
            </div>
            <div className="field">
              <label htmlFor="s-nat">{isPerson ? 'Nationality' : 'Country'}</label>
              <input
                id="s-nat"
                value={form.nationality}
                onChange={(e) => set('nationality', e.target.value)}
                placeholder="country code, e.g. cn; hk"
              />
            </div>
            <div className="field">
              <label htmlFor="s-id">Identifier</label>
              <input
                id="s-id"
                value={form.idNumber}
                onChange={(e) => set('idNumber', e.target.value)}
                placeholder="passport or registration no."
              />
            </div>
            <div className="field">
              <label htmlFor="s-ref">Reference</label>
              <input
                id="s-ref"
                value={form.reference}
                onChange={(e) => set('reference', e.target.value)}
                placeholder="e.g. application no."
              />
            </div>
            <div className="field">
              <label htmlFor="s-dataset">Lists</label>
              <select id="s-dataset" value={form.dataset} onChange={(e) => set('dataset', e.target.value)}>
                <option value="">All loaded lists</option>
                {catalog.data?.datasets.map((d) => (
                  <option key={d.name} value={d.name}>
                    {d.title || d.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-actions">
            <label className="check">
              <input type="checkbox" checked={form.record} onChange={(e) => set('record', e.target.checked)} />
              Record the screening (hits become alerts in the queue)
            </label>
            <div className="field inline">
              <label htmlFor="s-threshold">Threshold</label>
              <input
                id="s-threshold"
                className="narrow"
                type="number"
                min="0.3"
                max="1"
                step="0.05"
                value={form.threshold}
                onChange={(e) => set('threshold', e.target.value)}
              />
            </div>
            <button type="submit" className="primary">
              {screen.isPending ? 'Screening…' : 'Screen'}
            </button>
          </div>
        </fieldset>
      </form>

      <ErrorBox error={screen.error} what="screen this name" />
      {screen.data && <Results outcome={screen.data} />}
    </div>
  );
}

function Results({ outcome }: { outcome: Outcome }) {
  const { hits } = outcome;
  return (
    <section className="results" aria-label="Screening results" data-testid="results">
      <h2>
        {hits.length === 0
          ? 'No hits'
          : hits.length === 1
            ? `1 hit${outcome.recorded ? ' recorded as an alert' : ''}`
            : `${hits.length} hits${outcome.recorded ? ' recorded as alerts' : ''}`}
        {outcome.recorded && outcome.screeningId !== undefined && (
          <span className="sub"> · screening #{outcome.screeningId} · {when(outcome.at)}</span>
        )}
      </h2>
      {!!outcome.suppressed && (
        <p className="notice">
          {outcome.suppressed} {outcome.suppressed === 1 ? 'hit was' : 'hits were'} suppressed by an
          earlier “no match” decision on the same list entry; they are shown below, marked.
        </p>
      )}
      {hits.length === 0 && (
        <p className="empty">
          Nothing on the loaded lists scored at or above the threshold. The screening is recorded.
        </p>
      )}
      {hits.map((h, i) => (
        <HitCard key={`${h.entity.id}-${i}`} hit={h} open={i === 0} />
      ))}
    </section>
  );
}

function HitCard({ hit, open }: { hit: HitView; open: boolean }) {
  const caption = hit.entity.caption || hit.entity.properties?.name?.[0] || hit.entity.id;
  return (
    <details className="card hit" open={open} data-testid="hit">
      <summary>
        <Score value={hit.score} />
        <span className="hit-title">
          <span className="hit-caption" lang="und">
            {caption}
          </span>
          <span className="hit-meta">
            {hit.entity.schema} · {(hit.entity.datasets ?? []).join(', ')} · {hit.entity.id}
          </span>
        </span>
        <span className="hit-flags">
          {hit.alert ? (
            <>
              <StatusBadge status={hit.alert.status} />
              {!hit.alert.isNew && <span className="chip">already in queue</span>}
              <Link to={`/ui/alerts/${hit.alert.id}`} onClick={(e) => e.stopPropagation()}>
                Alert #{hit.alert.id}
              </Link>
            </>
          ) : (
            <span className={`badge ${hit.match ? 'status-match' : 'status-closed'}`}>
              {hit.match ? 'above threshold' : 'below threshold'}
            </span>
          )}
        </span>
      </summary>
      {hit.alert?.suppressedBy && (
        <p className="notice">
          Suppressed: <Who actor={hit.alert.suppressedBy.decided_by} /> decided “no match” on alert #
          {hit.alert.suppressedBy.alert_id} ({when(hit.alert.suppressedBy.decided_at)})
          {hit.alert.suppressedBy.comment ? `: “${hit.alert.suppressedBy.comment}”` : ''}.
        </p>
      )}
      <ExplanationView explanation={hit.explanation} score={hit.score} />
      <details className="entity-more">
        <summary>All properties of the list entry</summary>
        <PropertyTable entity={hit.entity} />
      </details>
    </details>
  );
}
