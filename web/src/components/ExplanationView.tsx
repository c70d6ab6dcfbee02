// Why a name matched, drawn: the query's and the list entry's name parts side
// by side, each pair joined by how it matched (exact, romanized from which
// scheme, sounds alike, spelling variant), then every other feature that went
// into the score with its agreement and weight. This is the matcher's own
// explanation (the data the score was computed from), not a re-derivation.
import type { Explanation } from '../api/types';
import { featureLabel, methodLabel, pct, schemeLabel, signed, splitForm } from '../lib/format';

function FormLine({ form, name }: { form: string; name: string }) {
  if (!form) return null;
  const { scheme, text } = splitForm(form);
  if (text.toLowerCase() === name.toLowerCase()) return null;
  return (
    <div className="nc-form">
      read as “{text}”{scheme && scheme !== 'latin' ? ` (${schemeLabel(scheme)})` : ''}
    </div>
  );
}

function methodClass(method: string): string {
  return `m-${method.replace(/[^a-z]/g, '')}`;
}

export function ExplanationView({
  explanation,
  score,
}: {
  explanation: Explanation | null | undefined;
  score?: number;
}) {
  if (!explanation) return <p className="empty">No explanation was recorded for this hit.</p>;
  const e = explanation;
  const parts = e.parts ?? [];
  const features = e.features ?? [];
  return (
    <section className="explanation" aria-label="Why this matched" data-testid="explanation">
      <div className="names-compared">
        <div className="nc-side">
          <div className="nc-label">Screened name</div>
          <div className="nc-name" lang="und">
            {e.query_name}
          </div>
          <FormLine form={e.query_form} name={e.query_name} />
        </div>
        <div className="nc-mid" aria-label={`name score ${pct(e.name_score)}`}>
          <span className="nc-score">{pct(e.name_score)}</span>
          <span className="nc-caption">name score</span>
        </div>
        <div className="nc-side">
          <div className="nc-label">Listed name</div>
          <div className="nc-name" lang="und">
            {e.candidate_name}
          </div>
          <FormLine form={e.candidate_form} name={e.candidate_name} />
        </div>
      </div>

      {parts.length > 0 && (
        <table className="alignment" data-testid="alignment">
          <caption>How the name parts line up</caption>
          <thead>
            <tr>
              <th scope="col">Screened part</th>
              <th scope="col">How it matched</th>
              <th scope="col">Listed part</th>
              <th scope="col" className="num">
                Weight
              </th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p, i) => (
              <tr key={i} className={methodClass(p.method)}>
                <td className="part part-q">{p.query || <span className="none">—</span>}</td>
                <td className="link-cell">
                  <span className="connector" aria-hidden="true" />
                  <span className="method">
                    {methodLabel(p.method, p.scheme)}
                    {p.method !== 'unmatched' && <b> {pct(p.similarity)}%</b>}
                  </span>
                </td>
                <td className="part part-c">{p.candidate || <span className="none">—</span>}</td>
                <td className="num weight">{p.weight ? p.weight.toFixed(2) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {features.length > 0 && (
        <table className="features" data-testid="features">
          <caption>
            What else went into the score{score !== undefined ? ` (total ${pct(score)})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Agreement</th>
              <th scope="col">Detail</th>
              <th scope="col" className="num">
                Effect
              </th>
            </tr>
          </thead>
          <tbody>
            {features.map((f, i) => {
              const v = Math.max(-1, Math.min(1, f.value));
              const tone = v > 0.5 ? 'agree' : v < 0 ? 'disagree' : 'neutral';
              return (
                <tr key={i} className={`f-${tone}`}>
                  <th scope="row">{featureLabel(f.name)}</th>
                  <td className="agreement">
                    <span className="diverge" aria-label={`value ${v.toFixed(2)}`}>
                      <span
                        className={`diverge-bar ${v < 0 ? 'neg' : 'pos'}`}
                        style={
                          v < 0
                            ? { right: '50%', width: `${-v * 50}%` }
                            : { left: '50%', width: `${v * 50}%` }
                        }
                      />
                    </span>
                    <span className="fval">{v > 0 ? '+' : ''}{v.toFixed(2)}</span>
                  </td>
                  <td className="detail">{f.detail}</td>
                  <td className="num" title="how much this feature moved the score">
                    {signed(f.weight)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
