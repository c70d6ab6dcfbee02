// vigil's web console in a real browser against a real `vigil serve`:
// sign in, screen a name in Chinese characters, decide an alert (and find it
// still decided after a server restart), pursue a case, the viewer role's
// limits, every main page photographed for docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, keys, launch, restartServer, shot, signIn } from './harness.mjs';

let browser;
let page; // the analyst's tab
const state = {};

async function openAlertIds() {
  const r = await api('GET', '/alerts?status=open&page_size=500', keys.analyst);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.alerts.map((a) => a.id);
}

describe('vigil web console', { concurrency: false }, () => {
  before(async () => {
    browser = await launch();
    // A few screenings recorded through the API so the queue, the dashboard
    // and the cases have something to show besides what the tests create.
    const subjects = [
      { schema: 'Person', properties: { name: ['Chan Tai Man'], birthDate: ['1970-01-02'], nationality: ['hk'] }, ref: 'APP-2024-0117' },
      { schema: 'Person', properties: { name: ['Иван Сергеевич Петров'], birthDate: ['1968'] }, ref: 'KYC-88412' },
      { schema: 'Company', properties: { name: ['Golden Harbour Trading Co. Ltd'], country: ['hk'] }, ref: 'ONB-5521' },
      // On the bundled OFAC list, written in Cyrillic.
      { schema: 'Person', properties: { name: ['Владимир Владимирович Путин'], birthDate: ['1952-10-07'] }, ref: 'WIRE-20261129-7' },
    ];
    for (const s of subjects) {
      const r = await api('POST', '/screenings', keys.analyst, {
        subject: { schema: s.schema, properties: s.properties },
        reference: s.ref,
        requested_by: 'e2e-intake',
      });
      assert.equal(r.status, 201, `POST /screenings ${s.ref}: ${JSON.stringify(r.body)}`);
      if (s.ref === 'KYC-88412' && r.body.alerts.length) {
        const c = await api('POST', '/cases', keys.analyst, {
          title: 'Ivan PETROV: travel pattern review',
          description: 'Possible sanctions evasion through third-country transfers.',
          alert_ids: [r.body.alerts[0].id],
        });
        assert.equal(c.status, 201, JSON.stringify(c.body));
      }
    }
  });
  after(async () => {
    await browser?.close();
  });

  it('refuses a wrong key and signs in with a valid one', async () => {
    page = await browser.context.newPage();
    await page.goto('/ui/alerts');
    await page.waitForURL(/\/ui\/login/);
    await shot(page, 'login', { fullPage: false });
    await page.getByLabel('API key').fill('vk_00000000_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    await page.getByLabel('API key').fill(keys.analyst);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/ui\/alerts$/);
    await page.getByTestId('whoami').getByText('analyst', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Alert queue' }).waitFor();
  });

  it('screens a name in Chinese characters and draws why the romanized entry matched', async () => {
    await page.getByRole('link', { name: 'Screen' }).click();
    await page.getByLabel('Name').fill('王伟');
    await page.getByLabel('Birth date').fill('1975-03-14');
    await page.getByLabel('Nationality').fill('cn');
    await page.getByLabel('Reference').fill('VISA-2026-0042');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const results = page.getByTestId('results');
    await results.waitFor();
    const hit = results.getByTestId('hit').filter({ hasText: 'WANG Wei' }).first();
    await hit.waitFor();
    // The explanation is drawn, not dumped: the screened and listed names side
    // by side, then one row per aligned pair of name parts.
    const explanation = hit.getByTestId('explanation');
    await explanation.getByText('王伟').first().waitFor();
    const rows = explanation.getByTestId('alignment').locator('tbody tr');
    assert.ok((await rows.count()) >= 2, 'two aligned name parts (surname, given name)');
    const listed = (await explanation.getByTestId('alignment').locator('td.part-c').allInnerTexts()).join(' ').toLowerCase();
    assert.match(listed, /wang/);
    assert.match(listed, /wei/);
    const how = (await explanation.getByTestId('alignment').locator('.method').allInnerTexts()).join(' ');
    assert.match(how, /romanized|transliterated|exact/, `how the parts matched: ${how}`);
    // ...and says which romanization read the characters.
    assert.match(await explanation.innerText(), /Pinyin/);
    await explanation.getByTestId('features').getByText('Birth date').waitFor();
    const alertLink = hit.getByRole('link', { name: /Alert #\d+/ });
    state.wangAlert = Number((await alertLink.innerText()).replace(/\D/g, ''));
    await shot(page, 'screen');
  });

  it('decides an alert, which leaves the queue and stays decided after a restart', async () => {
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    const queue = page.getByTestId('alert-queue');
    await queue.locator(`tr[data-alert-id="${state.wangAlert}"]`).waitFor();
    await shot(page, 'alerts');

    // Keyboard: j/k move the cursor, Enter opens (the newest alert is first).
    assert.equal(await queue.locator('tbody tr').first().getAttribute('data-alert-id'), String(state.wangAlert));
    await page.keyboard.press('j');
    await queue.locator('tbody tr').nth(1).and(page.locator('[aria-selected="true"]')).waitFor();
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/ui/alerts/${state.wangAlert}$`));
    await page.getByTestId('decision-panel').waitFor();
    await page.getByTestId('explanation').waitFor();
    await shot(page, 'alert-detail');

    await page.getByLabel(/Comment/).fill('Different person: passport and place of birth differ.');
    await page.getByRole('button', { name: /^No match/ }).click();
    await page.getByText(`Alert #${state.wangAlert} decided: No match.`).waitFor();
    assert.ok(!(await openAlertIds()).includes(state.wangAlert), 'the decided alert left the open queue');
    await page.goto('/ui/alerts');
    await page.getByTestId('whoami').waitFor();
    await page.getByRole('heading', { name: 'Alert queue' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator(`tr[data-alert-id="${state.wangAlert}"]`).count(), 0);

    await restartServer();

    await page.goto(`/ui/alerts/${state.wangAlert}`);
    await page.getByRole('heading', { name: new RegExp(`Alert #${state.wangAlert}`) }).getByText('No match').waitFor();
    await page.getByTestId('alert-history').getByText('Different person: passport and place of birth differ.', { exact: false }).waitFor();
    await page.goto('/ui/alerts?status=no_match');
    await page.locator(`tr[data-alert-id="${state.wangAlert}"]`).waitFor();
    await page.goto('/ui/alerts');
    await page.getByRole('heading', { name: 'Alert queue' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator(`tr[data-alert-id="${state.wangAlert}"]`).count(), 0, 'still out of the queue after restart');

    // Screening the same subject again: the hit is suppressed by the decision,
    // and the console says so rather than hiding it.
    await page.goto('/ui/screen');
    await page.getByLabel('Name').fill('王伟');
    await page.getByLabel('Birth date').fill('1975-03-14');
    await page.getByLabel('Nationality').fill('cn');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const again = page.getByTestId('results').getByTestId('hit').filter({ hasText: 'WANG Wei' }).first();
    await again.getByText('Suppressed', { exact: true }).waitFor();
    await again.getByText(`alert #${state.wangAlert}`, { exact: false }).waitFor();
    await page.goto('/ui/alerts?status=suppressed');
    await page.getByTestId('alert-queue').getByText(`by no-match on #${state.wangAlert}`).first().waitFor();
  });

  it('confirms a match with the keyboard, opens a case and advances it to referral', async () => {
    const open = await api('GET', '/alerts?status=open&page_size=500', keys.analyst);
    const chan = open.body.alerts.find((a) => /chan/i.test(a.entity_caption));
    assert.ok(chan, `an open alert for CHAN Tai Man: ${JSON.stringify(open.body.alerts.map((a) => a.entity_caption))}`);
    await page.goto(`/ui/alerts/${chan.id}`);
    await page.getByTestId('decision-panel').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('m');
    await page.getByText(`Alert #${chan.id} decided: Match.`).waitFor();

    await page.goto(`/ui/alerts/${chan.id}`);
    await page.getByRole('button', { name: 'Open a case from this alert' }).click();
    await page.waitForURL(/\/ui\/cases\/\d+$/);
    state.caseId = Number(page.url().split('/').pop());
    const stepper = page.getByTestId('case-stepper');
    await stepper.locator('[aria-current="step"]').getByText('Open').waitFor();

    const advance = page.getByTestId('case-advance');
    await advance.getByLabel('Start investigating').check();
    await advance.getByRole('button', { name: 'Start investigating' }).click();
    await stepper.locator('[aria-current="step"]').getByText('Investigating').waitFor();

    await page.getByLabel('Add a note').fill('Subject confirmed against HKID copy; passport photo matches the listing.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('case-notes').getByText('HKID copy').waitFor();

    await advance.getByLabel('Refer to partner agency').check();
    await advance.getByLabel('Partner agency', { exact: true }).fill('Hong Kong Police Narcotics Bureau');
    await advance.getByLabel('Their reference').fill('NB-2026-0077');
    await advance.getByRole('button', { name: 'Refer to partner agency' }).click();
    await stepper.locator('[aria-current="step"]').getByText('Referred').waitFor();
    await stepper.getByText('NB-2026-0077').waitFor();
    const timeline = page.getByTestId('case-timeline');
    assert.ok((await timeline.locator('li').count()) >= 4, 'created, investigating, note, referred');
    const stored = await api('GET', `/cases/${state.caseId}`, keys.viewer);
    assert.equal(stored.body.status, 'referred');
    assert.equal(stored.body.counterpart, 'Hong Kong Police Narcotics Bureau');
    assert.equal(stored.body.reference, 'NB-2026-0077');
    await shot(page, 'case-detail');

    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByTestId('case-list').getByText('NB-2026-0077').waitFor();
    await shot(page, 'cases');
  });

  it('screens a batch file and lists its hits', async () => {
    await page.goto('/ui/batch');
    await page.getByLabel(/paste the subjects/).fill(
      'id,schema,name,birthDate,nationality,reference\n' +
        'b-1,Person,王伟,1975,cn,BATCH-1\n' +
        'b-2,Person,Jane Example,1990-05-01,gb,BATCH-2\n' +
        'b-3,Company,Golden Harbour Trading Ltd,,hk,BATCH-3\n',
    );
    await page.getByRole('button', { name: 'Start batch' }).click();
    const batch = page.getByTestId('batch');
    await batch.getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
    // A subject may hit several list entries: one row each.
    await batch.getByText('BATCH-3').first().waitFor();
    await shot(page, 'batch');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      batch.getByRole('button', { name: 'Download results (CSV)' }).click(),
    ]);
    const csv = await new Promise((resolve, reject) => {
      download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (d) => (text += d));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    assert.match(csv.split('\n')[0], /^line,reference,subject_id/);
    assert.match(csv, /BATCH-3/);
  });

  it('shows the dashboard with the day\'s figures', async () => {
    await page.goto('/ui/dashboard');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByTestId('lists-loaded').getByText('e2e_watchlist').first().waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    assert.ok((await page.locator('.recharts-surface').count()) >= 4, 'charts drawn');
    await shot(page, 'dashboard');
  });

  it('lets an admin manage keys and see the audit chain verified', async () => {
    const admin = await signIn(browser.context, 'admin');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin.getByTestId('audit-verify').getByText('Chain intact').waitFor();
    await admin.getByLabel('Name').fill('night-shift');
    await admin.getByLabel('Role').selectOption('viewer');
    await admin.getByRole('button', { name: 'Create key' }).click();
    const key = (await admin.getByTestId('new-key').innerText()).trim();
    assert.match(key, /^vk_/);
    const who = await api('GET', '/whoami', key);
    assert.equal(who.status, 200);
    assert.equal(who.body.role, 'viewer');
    await admin.getByTestId('keys').getByText('night-shift').waitFor();
    await shot(admin, 'admin');

    // Revoking asks first; the key stops working at once.
    admin.once('dialog', (d) => d.accept());
    await admin.getByRole('button', { name: /Revoke key .*night-shift/ }).click();
    await admin.getByTestId('keys').locator('tr.revoked').getByText('night-shift').waitFor();
    assert.equal((await api('GET', '/whoami', key)).status, 401);

    // Reloading the lists keeps them serving and reports the new count.
    await admin.getByRole('button', { name: 'Reload lists' }).click();
    await admin.getByText(/^Reloaded: [\d,]+ entries/).waitFor({ timeout: 180_000 });
    await admin.close();
  });

  it('shows a viewer no decision buttons, and the server denies the viewer', async () => {
    const viewer = await signIn(browser.context, 'viewer');
    await viewer.getByRole('heading', { name: 'Alert queue' }).waitFor();
    assert.equal(await viewer.getByRole('link', { name: 'Admin' }).count(), 0, 'no Admin link for a viewer');
    const ids = await openAlertIds();
    assert.ok(ids.length > 0, 'an open alert to look at');
    await viewer.goto(`/ui/alerts/${ids[0]}`);
    await viewer.getByText('can read alerts but not decide them').waitFor();
    await viewer.getByTestId('explanation').waitFor();
    await shot(viewer, 'viewer-alert-detail', { fullPage: false });
    assert.equal(await viewer.getByTestId('decision-panel').count(), 0);
    assert.equal(await viewer.getByRole('button', { name: /^(Match|No match|Escalate)/ }).count(), 0);
    // The server is the access control: the same decision from the viewer's tab is refused.
    const status = await viewer.evaluate(async (id) => {
      const key = sessionStorage.getItem('vigil.apiKey');
      const res = await fetch(`/alerts/${id}/decision`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'match' }),
      });
      return res.status;
    }, ids[0]);
    assert.equal(status, 403);
    await viewer.goto(`/ui/cases/${state.caseId}`);
    await viewer.getByTestId('case-stepper').waitFor();
    assert.equal(await viewer.getByTestId('case-advance').count(), 0, 'a viewer cannot advance a case');
    await viewer.goto('/ui/admin');
    await viewer.getByText('Only an administrator can manage keys').waitFor();
    await viewer.close();
  });

  it('works at phone width', async () => {
    const phone = await signIn(browser.context, 'analyst');
    await phone.setViewportSize({ width: 390, height: 844 });
    const ids = await openAlertIds();
    await phone.goto(ids.length ? `/ui/alerts/${ids[0]}` : '/ui/alerts');
    await phone.getByTestId('whoami').waitFor();
    if (ids.length) await phone.getByTestId('explanation').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 390 px (overflow ${overflow} px)`);
    await shot(phone, 'phone-alert-detail');
    await phone.goto('/ui/alerts');
    await phone.getByRole('heading', { name: 'Alert queue' }).waitFor();
    await shot(phone, 'phone-alerts', { fullPage: false });
    await phone.close();
  });
});
