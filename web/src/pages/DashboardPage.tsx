// The team's day at a glance: alert volume, score distribution, decisions by
// outcome and analyst, cases by status, and the lists being screened against.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { request } from '../api/client';
import type { Catalog, Stats } from '../api/types';
import { CASE_STATUSES } from '../api/types';
import { ErrorBox, Loading, PageHeader } from '../components/common';
import { day, everyDay, statusLabel, when } from '../lib/format';

const C = {
  match: '#b42318',
  no_match: '#067647',
  escalate: '#b54708',
  open: '#1d4ed8',
  accent: '#1d4ed8',
  grid: '#e4e7ec',
  muted: '#98a2b3',
};
const CASE_COLOURS: Record<string, string> = {
  open: '#1d4ed8',
  investigating: '#7c3aed',
  referred: '#b54708',
  closed: '#667085',
};

function Kpi({ label, value, to }: { label: string; value: number | string; to?: string }) {
  const body = (
    <>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
    </>
  );
  return to ? (
    <Link className="kpi card" to={to}>
      {body}
    </Link>
  ) : (
    <div className="kpi card">{body}</div>
  );
}

function ChartCard({ title, children, label }: { title: string; children: React.ReactNode; label: string }) {
  return (
    <section className="card chart" aria-label={label}>
      <h2>{title}</h2>
      <div className="chart-box">{children}</div>
    </section>
  );
}

export function DashboardPage() {
  const [days, setDays] = useState(30);
  const stats = useQuery({ queryKey: ['stats', days], queryFn: () => request<Stats>('/stats', { query: { days } }) });
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: () => request<Catalog>('/catalog') });

  const s = stats.data;
  const byStatus = s?.alerts_by_status ?? {};
  const decisions = s
    ? [
        { name: 'Match', value: s.decisions_by_outcome.match ?? 0, fill: C.match },
        { name: 'No match', value: s.decisions_by_outcome.no_match ?? 0, fill: C.no_match },
        { name: 'Escalate', value: s.decisions_by_outcome.escalate ?? 0, fill: C.escalate },
      ]
    : [];
  // Alerts start at the threshold, so the empty bands far below it are left out.
  const hist = (s?.score_histogram ?? []).filter((b) => b.hi > 0.5 || b.count > 0).map((b) => ({
    band: `${Math.round(b.lo * 100)}–${Math.round(b.hi * 100)}`,
    count: b.count,
    lo: b.lo,
  }));
  const cases = CASE_STATUSES.map((k) => ({ name: statusLabel(k), key: k, count: s?.cases_by_status?.[k] ?? 0 }));
  const openCases = (s?.cases_by_status?.open ?? 0) + (s?.cases_by_status?.investigating ?? 0) + (s?.cases_by_status?.referred ?? 0);
  const perDay = everyDay(s?.alerts_by_day ?? [], days);

  return (
    <div className="page">
      <PageHeader
        title="Dashboard"
        sub="Alerts, decisions and cases recorded by this vigil server."
        actions={
          <div className="field inline">
            <label htmlFor="days">Period</label>
            <select id="days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={7}>Last 7 days</option>
              <option value={30}>Last 30 days</option>
              <option value={90}>Last 90 days</option>
              <option value={365}>Last year</option>
            </select>
          </div>
        }
      />
      <ErrorBox error={stats.error} what="load the statistics" />
      {stats.isPending && <Loading what="statistics" />}
      {s && (
        <>
          <div className="kpis">
            <Kpi label="Open alerts" value={byStatus.open ?? 0} to="/ui/alerts?status=open" />
            <Kpi label="Escalated" value={byStatus.escalated ?? 0} to="/ui/alerts?status=escalated" />
            <Kpi label="Confirmed matches" value={byStatus.match ?? 0} to="/ui/alerts?status=match" />
            <Kpi label="Suppressed" value={byStatus.suppressed ?? 0} to="/ui/alerts?status=suppressed" />
            <Kpi label="Cases in pursuit" value={openCases} to="/ui/cases" />
          </div>
          <div className="charts">
            <ChartCard title="Alerts raised per day" label="Alerts raised per day">
              {perDay.every((d) => d.count === 0) ? (
                <p className="empty">No alerts in this period.</p>
              ) : (
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={perDay} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                    <CartesianGrid stroke={C.grid} vertical={false} />
                    <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={12} />
                    <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Bar dataKey="count" name="Alerts" fill={C.accent} radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              )}
            </ChartCard>
            <ChartCard title="Score distribution" label="Score distribution of alerts">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={hist} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid stroke={C.grid} vertical={false} />
                  <XAxis dataKey="band" tick={{ fontSize: 11 }} interval={0} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="count" name="Alerts" radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false}>
                    {hist.map((h) => (
                      <Cell key={h.band} fill={h.lo >= 0.9 ? C.match : h.lo >= 0.8 ? C.escalate : h.lo >= 0.7 ? C.accent : C.muted} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title="Decisions by outcome" label="Decisions by outcome">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={decisions} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
                  <CartesianGrid stroke={C.grid} horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                  <YAxis type="category" dataKey="name" width={80} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="value" name="Decisions" radius={[0, 3, 3, 0]} maxBarSize={32} isAnimationActive={false}>
                    {decisions.map((d) => (
                      <Cell key={d.name} fill={d.fill} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title="Decisions by analyst" label="Decisions by analyst">
              {s.decisions_by_analyst.length === 0 ? (
                <p className="empty">No decisions in this period.</p>
              ) : (
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={s.decisions_by_analyst} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                    <CartesianGrid stroke={C.grid} vertical={false} />
                    <XAxis dataKey="name" tick={{ fontSize: 12 }} />
                    <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Legend wrapperStyle={{ fontSize: 12 }} />
                    <Bar dataKey="match" name="Match" stackId="d" fill={C.match} maxBarSize={64} isAnimationActive={false} />
                    <Bar dataKey="no_match" name="No match" stackId="d" fill={C.no_match} maxBarSize={64} isAnimationActive={false} />
                    <Bar dataKey="escalate" name="Escalate" stackId="d" fill={C.escalate} maxBarSize={64} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              )}
            </ChartCard>
            <ChartCard title="Cases by status" label="Cases by status">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={cases} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid stroke={C.grid} vertical={false} />
                  <XAxis dataKey="name" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="count" name="Cases" radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false}>
                    {cases.map((c) => (
                      <Cell key={c.key} fill={CASE_COLOURS[c.key]} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <section className="card chart" aria-label="Lists loaded">
              <h2>Lists loaded</h2>
              {catalog.data ? (
                <table className="grid compact" data-testid="lists-loaded">
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
                  <tfoot>
                    <tr>
                      <td colSpan={2}>Loaded {when(catalog.data.loaded_at)}</td>
                      <td className="num">{catalog.data.entities.toLocaleString('en')}</td>
                    </tr>
                  </tfoot>
                </table>
              ) : (
                <ErrorBox error={catalog.error} what="load the catalog" />
              )}
            </section>
          </div>
          <p className="muted small">Figures for the {days} days up to {day(new Date().toISOString())} (UTC).</p>
        </>
      )}
    </div>
  );
}
