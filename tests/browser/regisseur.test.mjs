// Browser tests: the main journeys of Regisseur in Debian's Chromium, with axe-core checking
// WCAG 2.1 AA on every page type. The server is the real binary on a fresh SQLite database with
// the demo municipality, on a free port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const binary = process.env.REGISSEUR_BIN ?? join(import.meta.dirname, '../../target/debug/regisseur');
// The day the application runs as of (its --today, through the environment): no test depends
// on the day it runs, and the demo is built for this day.
const TODAY = '2026-12-07';
const servers = [];
let base;
let browser;
let dir;

// Starts the real binary on a fresh SQLite database in `folder` with the demo municipality; more
// arguments for `serve` (a theme) may follow. Resolves to its address.
function startServer(folder, more = []) {
  const child = spawn(binary, ['--database', `sqlite://${join(folder, 'test.db')}`, 'serve', '--demo', '--listen', '127.0.0.1:0', ...more], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REGISSEUR_TODAY: TODAY },
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listens on (http:\/\/[\d.:]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'regisseur-browser-'));
  base = await startServer(dir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  for (const child of servers) child.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The HTML each page was served as (not the DOM after the browser repaired it), kept per page so
// that every page type checked for accessibility is also checked by the W3C Nu HTML validator.
const served = new WeakMap();
let pagesSaved = 0;

async function newPage(locale = 'nl-NL') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'document' && response.request().frame() === page.mainFrame()) {
      try {
        served.set(page, { url: response.url(), html: await response.text() });
      } catch {
        // A redirect has no body; the page it leads to is the next document.
      }
    }
  });
  return page;
}

function keepServedHtml(page, what) {
  const document = served.get(page);
  if (!document || !document.html.trimStart().toLowerCase().startsWith('<!doctype html')) return;
  const folder = join(dir, 'html');
  mkdirSync(folder, { recursive: true });
  pagesSaved += 1;
  const name = `${String(pagesSaved).padStart(3, '0')}-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.html`;
  writeFileSync(join(folder, name), document.html);
}

async function login(page, email = 'regisseur@voorbeeld.nl', at = base) {
  await page.goto(`${at}/inloggen`);
  await page.fill('#email', email);
  await page.fill('#wachtwoord', 'regisseur-demo');
  await page.click('main button[type=submit]');
  await page.waitForURL(/\/o\/voorbeeld$/);
}

async function expectAccessible(page, what) {
  await page.waitForLoadState('load');
  keepServedHtml(page, what);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  assert.deepEqual(summary, [], `${what} has accessibility violations`);
}

test('login page, wrong password, and the dashboard are accessible', async () => {
  const page = await newPage();
  await page.goto(`${base}/inloggen`);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await expectAccessible(page, 'login page');
  await page.fill('#email', 'regisseur@voorbeeld.nl');
  await page.fill('#wachtwoord', 'fout-wachtwoord');
  await page.click('main button[type=submit]');
  await page.waitForSelector('#login-fout');
  await expectAccessible(page, 'login page with error');
  await login(page);
  assert.match(await page.textContent('h1'), /Gemeente Voorbeeld/);
  assert.match(await page.textContent('main'), /Wat nu aandacht vraagt/);
  await expectAccessible(page, 'dashboard');
  await page.context().close();
});

test('create an application and find it in the list', async () => {
  const page = await newPage();
  await login(page);
  await page.click('nav >> text=Applicaties');
  await page.waitForURL(/\/applicaties$/);
  await expectAccessible(page, 'application list');
  await page.click('text=Nieuw');
  await expectAccessible(page, 'new application form');
  // First without a name: the form says what is wrong, next to the field.
  await page.selectOption('#veld-levenscyclus', 'in-gebruik');
  await page.fill('#veld-jaarkostenCenten', 'heel veel');
  await page.click('main form button[type=submit]');
  await page.waitForSelector('#veld-naam-fout');
  assert.match(await page.textContent('#veld-naam-fout'), /verplicht/);
  await expectAccessible(page, 'form with errors');
  await page.fill('#veld-naam', 'Browsertest Zaaksysteem');
  await page.fill('#veld-jaarkostenCenten', '€ 1.234,50');
  await page.selectOption('#veld-hosting', 'saas');
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/applicaties\/[0-9a-f-]+\?opgeslagen=1$/);
  assert.match(await page.textContent('h1'), /Browsertest Zaaksysteem/);
  assert.match(await page.textContent('main'), /€ 1\.234,50/);
  await expectAccessible(page, 'application detail');

  await page.goto(`${base}/o/voorbeeld/applicaties`);
  await page.fill('#zoek', 'browsertest');
  await page.press('#zoek', 'Enter');
  await page.waitForURL(/zoek=browsertest/);
  const rows = page.locator('#resultaten tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /Browsertest Zaaksysteem/);
  await page.context().close();
});

test('searching updates the results as you type (htmx)', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${base}/o/voorbeeld/applicaties`);
  await page.locator('#zoek').pressSequentially('key2burger', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#resultaten tbody tr').length === 1, null, { timeout: 10_000 });
  assert.match(await page.textContent('#resultaten tbody'), /Key2Burgerzaken/);
  await page.context().close();
});

test('detail, edit, delete confirmation, relations, audit and account pages are accessible', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${base}/o/voorbeeld/applicaties?zoek=Key2Burgerzaken`);
  await page.click('#resultaten tbody tr >> nth=0 >> a');
  await page.waitForURL(/\/applicaties\/[0-9a-f-]+$/);
  const main = await page.textContent('main');
  assert.match(main, /draait op/, 'the application shows what it runs on');
  assert.match(main, /Koppelingen/, 'and its interfaces');
  assert.match(main, /Centric Netherlands B\.V\./, 'and its supplier');
  await expectAccessible(page, 'application detail with relations');
  await page.click('text=Bewerken');
  await expectAccessible(page, 'edit form');
  await page.goBack();
  await page.click('main >> text=Verwijderen');
  await expectAccessible(page, 'delete confirmation');
  for (const path of ['/o/voorbeeld/leveranciers', '/o/voorbeeld/contracten', '/o/voorbeeld/gegevensverzamelingen',
    '/o/voorbeeld/componenten', '/o/voorbeeld/koppelingen', '/o/voorbeeld/relaties', '/o/voorbeeld/personen',
    '/o/voorbeeld/architectuurelementen',
    '/o/voorbeeld/audit', '/account', '/o/voorbeeld/bestaat-niet']) {
    await page.goto(`${base}${path}`);
    await expectAccessible(page, path);
  }
  await page.goto(`${base}/o/voorbeeld/leveranciers?zoek=Centric`);
  await page.click('#resultaten tbody tr >> nth=0 >> a');
  assert.match(await page.textContent('main'), /Key2Burgerzaken/, 'a supplier shows its applications');
  await expectAccessible(page, 'supplier detail');
  await page.context().close();
});

test('import an application list: preview with problems per row, then confirm', async () => {
  const page = await newPage();
  await login(page);
  await page.click('nav >> text=Importeren en exporteren');
  await expectAccessible(page, 'import page');
  const csv = 'Applicatieoverzicht;;\nPakket;Leverancier;Status;Kosten per jaar\nBrowserimport Eén;Centric Netherlands B.V.;in gebruik;€ 1.000,00\nBrowserimport Twee;Nieuwe Leverancier;misschien;10\n';
  await page.setInputFiles('#bestand', { name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('main form button[type=submit]');
  await page.waitForSelector('#kop-voorbeeld');
  assert.match(await page.textContent('main'), /Onbekende status/);
  assert.equal(await page.locator('text=Importeren >> xpath=//button').count(), 0, 'nothing to confirm while there are errors');
  await expectAccessible(page, 'import preview with errors');
  const fixed = csv.replace('misschien', 'gepland');
  await page.setInputFiles('#bestand', { name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.click('main form button[type=submit]');
  await page.waitForSelector('#kop-voorbeeld');
  await expectAccessible(page, 'import preview');
  await page.click('main button:has-text("Importeren")');
  await page.waitForURL(/applicaties\?geimporteerd=/);
  assert.match(await page.textContent('main'), /Geïmporteerd: \d+ nieuw/);
  await page.goto(`${base}/o/voorbeeld/applicaties?zoek=browserimport`);
  assert.equal(await page.locator('#resultaten tbody tr').count(), 2);
  await page.context().close();
});

test('import an ArchiMate model, see its elements, download the register as a model', async () => {
  const page = await newPage();
  await login(page);
  await page.click('nav >> text=Importeren en exporteren');
  const model = readFileSync(new URL('../fixtures/archisurance.xml', import.meta.url));
  await page.setInputFiles('#bestand', { name: 'archisurance.xml', mimeType: 'application/xml', buffer: model });
  await page.click('main form button[type=submit]');
  await page.waitForSelector('#kop-voorbeeld');
  assert.match(await page.textContent('main'), /Architectuurelementen/);
  await expectAccessible(page, 'model import preview');
  await page.click('main button:has-text("Importeren")');
  await page.waitForURL(/geimporteerd=/);
  await page.goto(`${base}/o/voorbeeld/architectuurelementen?zoek=Inform Customer`);
  await page.click('#resultaten tbody tr >> nth=0 >> a');
  await page.waitForURL(/\/architectuurelementen\/[0-9a-f-]+$/);
  const main = await page.textContent('main');
  assert.match(main, /Bedrijfsproces/, 'the ArchiMate type reads in Dutch');
  assert.match(main, /id-1302/, 'the identifier from the model is kept');
  await expectAccessible(page, 'architecture element detail');
  await page.click('text=Bewerken');
  await expectAccessible(page, 'architecture element form');
  await page.click('nav >> text=Importeren en exporteren');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('text=Het register als ArchiMate-model'),
  ]);
  assert.match(download.suggestedFilename(), /^archimate-voorbeeld-.*\.xml$/);
  await page.context().close();
});

test('English interface and the supplier view', async () => {
  const page = await newPage('en-GB');
  await login(page, 'leverancier@voorbeeld.nl');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const nav = await page.textContent('nav.rg-nav');
  assert.match(nav, /Contracts/);
  assert.doesNotMatch(nav, /Data sets/, 'a supplier does not see data sets');
  await page.click('nav >> text=Contracts');
  const rows = await page.locator('#resultaten tbody tr').allTextContents();
  assert.ok(rows.length > 0);
  for (const row of rows) assert.match(row, /Centric/, 'only its own contracts');
  await expectAccessible(page, 'supplier contract list (English)');
  await page.click('header button:has-text("Nederlands")');
  await page.waitForLoadState();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.context().close();
});

test('Kwaliteit: scores with trend, filtered findings, element findings, confirming and settings', async () => {
  const page = await newPage();
  await login(page, 'beheerder@voorbeeld.nl');
  // The dashboard shows the score and links to the quality page.
  assert.match(await page.textContent('main'), /Kwaliteit van de basis/);
  await page.click('nav a[href="/o/voorbeeld/kwaliteit"]');
  await page.waitForURL(/\/kwaliteit$/);
  assert.match(await page.textContent('h1'), /Kwaliteit/);
  assert.ok(await page.isVisible('svg.rg-chart'), 'the trend chart is drawn');
  assert.match(await page.textContent('svg.rg-chart desc'), /Score van/);
  await expectAccessible(page, 'quality page');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/kwaliteit.png`, fullPage: true });
  // Filter on one rule and severity: every row is that rule.
  await page.selectOption('#f-regel', 'afhankelijkheidscyclus');
  await page.click('form.rg-search button[type=submit]');
  await page.waitForURL(/regel=afhankelijkheidscyclus/);
  const rules = await page.$$eval('.rg-findings tbody tr td:nth-child(3)', (cells) => cells.map((c) => c.textContent));
  assert.ok(rules.length >= 1);
  assert.ok(rules.every((r) => /draait op/.test(r)), rules.join(' | '));
  // A finding leads to its element, which shows its own findings and can be confirmed.
  await page.click('.rg-findings tbody tr a.utrecht-link');
  await page.waitForURL(/\/componenten\//);
  assert.match(await page.textContent('#kop-kwaliteit'), /Kwaliteit/);
  await expectAccessible(page, 'element page with findings');
  await page.click('form[action$="/bevestigen"] button');
  await page.waitForURL(/\?bevestigd/);
  assert.match(await page.textContent('main'), /Bevestigd op/);
  // Settings: switch a rule off; the beheerder may.
  await page.goto(`${base}/o/voorbeeld/kwaliteit/instellingen`);
  await expectAccessible(page, 'quality settings');
  await page.uncheck('#aan-component-zonder-gebruik');
  await page.click('main button[type=submit]');
  await page.waitForURL(/opgeslagen/);
  assert.equal(await page.isChecked('#aan-component-zonder-gebruik'), false);
  await page.goto(`${base}/o/voorbeeld/kwaliteit?regel=component-zonder-gebruik`);
  assert.match(await page.textContent('main'), /Geen bevindingen met deze filters/);
  await page.context().close();
});

test('Koers and Gereedheid: goals, domain choices, the questionnaire, the advice with its radar chart, printable', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/koers"]');
  await page.waitForURL(/\/koers$/);
  assert.match(await page.textContent('main'), /Regie op leveranciers versterken/);
  await expectAccessible(page, 'koers page');
  await page.click('main a[href$="/koers/nieuw"]');
  await expectAccessible(page, 'goal form');
  await page.fill('#titel', 'Minder storingen');
  await page.fill('#kpi-0-meting', 'Storingen per maand');
  await page.fill('#kpi-0-nulwaarde', '12');
  await page.fill('#kpi-0-nulmetingDatum', '2026-01-01');
  await page.fill('#kpi-0-streefwaarde', '4');
  await page.fill('#kpi-0-streefdatum', '2027-06-30');
  await page.click('main form.rg-form button[type=submit]');
  await page.waitForURL(/\/koers\?opgeslagen/);
  assert.match(await page.textContent('main'), /Minder storingen/);
  // The advice: under conditions, with reasons, actions, the radar and its table, the domains.
  await page.click('nav a[href="/o/voorbeeld/gereedheid"]');
  await page.waitForURL(/\/gereedheid$/);
  assert.match(await page.textContent('#kop-oordeel'), /Gereed onder voorwaarden/);
  assert.ok(await page.isVisible('svg.rg-radar'));
  assert.match(await page.textContent('svg.rg-radar desc'), /Strategie en doelen/);
  assert.ok((await page.$$('#kop-acties + ol li')).length >= 1);
  assert.match(await page.textContent('main'), /Hosting en datacenter/);
  await expectAccessible(page, 'readiness advice');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/gereedheid.png`, fullPage: true });
  // Printed: no navigation, header or buttons; the organisation and date on top.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('nav.rg-nav'), false);
  assert.equal(await page.isVisible('header.rg-header'), false);
  assert.ok(await page.isVisible('.rg-print-only'));
  await page.emulateMedia({ media: 'screen' });
  // The questionnaire: every level described; an answer saved.
  await page.click('main a[href$="/gereedheid/vragen/strategie"]');
  await page.waitForURL(/vragen\/strategie/);
  await expectAccessible(page, 'questionnaire');
  assert.equal((await page.$$('input[name="niveau.strategie-1"]')).length, 5);
  await page.check('#strategie-1-4');
  await page.click('main button[name=volgende]');
  await page.waitForURL(/vragen\/basis/);
  await page.goto(`${base}/o/voorbeeld/gereedheid/vragen/strategie`);
  assert.equal(await page.isChecked('#strategie-1-4'), true);
  await page.context().close();
});

test('Scope: the cut of hosting, supplier dependency, the impact of a component and its map', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/scope"]');
  await page.waitForURL(/\/scope$/);
  await expectAccessible(page, 'scope page');
  // Only hosting: the cut is shown with its crossings.
  for (const box of await page.$$('input[name=domein]:checked')) await box.uncheck();
  await page.check('#domein-hosting-en-datacenter');
  await page.click('main form button[type=submit]');
  await page.waitForURL(/domein=hosting-en-datacenter/);
  assert.match(await page.textContent('#kop-snede'), /Hosting en datacenter/);
  assert.ok((await page.$$('section[aria-labelledby=kop-snede] table tbody tr')).length > 0);
  assert.match(await page.textContent('#kop-leveranciers + p'), /30%/);
  // From an element to its impact and map.
  await page.goto(`${base}/o/voorbeeld/componenten?zoek=VMware-cluster%20productie`);
  await page.click('main table tbody a');
  await page.click('main a[href*="/impact/"]');
  await page.waitForURL(/\/impact\//);
  assert.match(await page.textContent('h1'), /VMware-cluster productie/);
  assert.ok((await page.$$('svg.rg-map__svg circle')).length > 10, 'the map is drawn');
  assert.equal(await page.isVisible('.rg-map__tools'), true, 'zoom controls with script');
  const before = await page.getAttribute('svg.rg-map__svg', 'viewBox');
  await page.click('button[data-zoom=in]');
  assert.notEqual(await page.getAttribute('svg.rg-map__svg', 'viewBox'), before, 'zoomed');
  await page.click('button[data-zoom=reset]');
  assert.equal(await page.getAttribute('svg.rg-map__svg', 'viewBox'), before);
  await expectAccessible(page, 'impact page with map');
  await page.context().close();
});

test('Businesscase: cases side by side, charts with tables, the editor checks each field as you type, the workbook', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/businesscase"]');
  await page.waitForURL(/\/businesscase$/);
  const columns = await page.$$eval('#vergelijking thead th', (cells) => cells.map((c) => c.textContent.trim()));
  assert.deepEqual(columns, ['Alleen hosting naar de markt', 'Hosting en servicedesk naar de markt', 'SOC als dienst']);
  assert.match(await page.textContent('#vergelijking'), /Kans dat uitbesteden goedkoper is/);
  await expectAccessible(page, 'business cases side by side');
  await page.click('#vergelijking a:text("Hosting en servicedesk naar de markt")');
  await page.waitForURL(/\/businesscase\/[0-9a-f-]+$/);
  assert.match(await page.textContent('#oordeel'), /Over 10 jaar is uitbesteden € [\d.]+ goedkoper/);
  // Amounts align right, with tabular figures, by Utrecht's own numeric column classes.
  const amounts = await page.$$eval('td.utrecht-table__cell--numeric-column', (cells) =>
    cells.map((c) => [getComputedStyle(c).textAlign, getComputedStyle(c).fontVariantNumeric]));
  assert.ok(amounts.length > 10, `${amounts.length} amount cells`);
  for (const [align, figures] of amounts) {
    assert.equal(align, 'right');
    assert.match(figures, /tabular-nums/);
  }
  for (const chart of ['lasten', 'kasstroom', 'montecarlo', 'tornado']) {
    assert.ok(await page.isVisible(`svg[aria-labelledby="${chart}-titel ${chart}-beschrijving"]`), chart);
    assert.ok(await page.$(`#tabel-${chart} table`), `${chart} table`);
  }
  assert.match(await page.textContent('#montecarlo-beschrijving'), /10000 runs/);
  // The tables open under their charts.
  await page.click('#tabel-lasten summary');
  assert.ok(await page.isVisible('#tabel-lasten table'));
  await expectAccessible(page, 'business case');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/businesscase.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.click('main a[href$="/businesscase.xlsx"]');
  assert.match((await download).suggestedFilename(), /^hosting-en-servicedesk-naar-de-markt\.xlsx$/);
  // The editor: a wrong value is named at its field as soon as you leave it; fixed, it saves.
  await page.click('main a:text("Bewerken")');
  await page.waitForURL(/\/bewerken$/);
  await expectAccessible(page, 'business case editor');
  const field = '#eigenBeheer-investeringen-0-afschrijvingsjaren';
  await page.fill(field, '0');
  await page.press(field, 'Tab');
  await page.waitForFunction((id) => document.querySelector(id).textContent.trim() !== '', `${field}-fout`);
  assert.match(await page.textContent(`${field}-fout`), /tussen 1 en 100/);
  assert.match(await page.textContent('#bc-controle'), /Problemen in de invoer \(1\)/);
  await page.fill(field, '6');
  await page.press(field, 'Tab');
  await page.waitForFunction((id) => document.querySelector(id).textContent.trim() === '', `${field}-fout`);
  assert.match(await page.textContent('#bc-controle'), /De invoer is compleet/);
  await page.click('main button:text("Opslaan")');
  await page.waitForURL(/\?opgeslagen$/);
  assert.match(await page.textContent('main'), /Afschrijvingsjaren/);
  await page.context().close();
});

test('Aanbesteding: the route advice, a tender in evaluation with sealed prices, scoring, and the award report', async () => {
  const page = await newPage();
  await login(page, 'inkoper@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/aanbesteding"]');
  await page.waitForURL(/\/aanbesteding$/);
  await page.selectOption('#soort', 'diensten');
  await page.fill('#jaarwaarde', '450.000');
  await page.fill('#maanden', '48');
  await page.fill('#optieMaanden', '24');
  await page.fill('#publicatiedatum', '2027-02-01');
  await page.check('#complex');
  await page.click('#route-formulier button[type=submit]');
  await page.waitForURL(/soort=diensten/);
  assert.match(await page.textContent('#route-advies'), /Mededingingsprocedure met onderhandeling/);
  assert.match(await page.textContent('#route-advies'), /€ 1\.800\.000/);
  assert.ok((await page.$$('#planning tbody tr')).length >= 6);
  await expectAccessible(page, 'route advice');
  // The award report of the final tender: the ranking with its chart, the hash of the file.
  await page.click('main a:text("Hosting en servicedesk 2027–2036")');
  await page.waitForURL(/\/aanbesteding\/[0-9a-f-]+$/);
  assert.equal((await page.textContent('#fase')).trim(), 'Vastgesteld');
  await page.click('main a:text("Uitslag en gunningsrapport")');
  await page.waitForURL(/\/uitslag$/);
  assert.match(await page.textContent('#kop-gunning'), /Voorlopige gunning aan: Rekencentrum Noord B\.V\./);
  assert.match(await page.textContent('#sha256'), /^[0-9a-f]{64}$/);
  assert.ok(await page.isVisible('svg[aria-labelledby="uitslag-titel uitslag-beschrijving"]'));
  assert.equal((await page.$$('#rangorde tbody tr')).length, 3);
  await expectAccessible(page, 'award report');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/gunning.png`, fullPage: true });
  await page.context().close();
  // The SOC tender: the beheerder has not scored yet; prices are sealed.
  const evaluator = await newPage();
  await login(evaluator, 'beheerder@voorbeeld.nl');
  await evaluator.goto(`${base}/o/voorbeeld/aanbesteding`);
  await evaluator.click('main a:text("SOC als dienst")');
  await evaluator.waitForURL(/\/aanbesteding\/[0-9a-f-]+$/);
  assert.equal((await evaluator.textContent('#fase')).trim(), 'Beoordeling');
  assert.doesNotMatch(await evaluator.textContent('#inschrijvingen-tabel'), /1\.420\.000|€/);
  await expectAccessible(evaluator, 'tender in evaluation');
  await evaluator.click('main a:text("Mijn beoordeling")');
  await evaluator.waitForURL(/\/beoordelen$/);
  await expectAccessible(evaluator, 'scoring form');
  // Saving without a comment names the problem at the score.
  const first = await evaluator.$('main input[name^="score."]');
  await first.fill('7');
  await evaluator.click('main button[value=opslaan]');
  await evaluator.waitForSelector('.utrecht-alert--error');
  assert.match(await evaluator.textContent('main'), /Dit veld is verplicht/);
  await evaluator.context().close();
});

test('Regie: the agenda with late obligations, a contract with its SLA report and relationship health, the supplier portal', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/regie"]');
  await page.waitForURL(/\/regie$/);
  assert.match(await page.textContent('#te-laat'), /Assurancerapport/);
  await expectAccessible(page, 'director\'s agenda');
  await page.click('#te-laat a:text("Assurancerapport")');
  await page.waitForURL(/\/regie\/[0-9a-f-]+$/);
  assert.ok((await page.$$('#sla-tabel tbody tr')).length >= 5);
  assert.match(await page.textContent('#credits'), /€/);
  assert.match(await page.textContent('#relatie'), /Dal der deceptie/);
  assert.ok(await page.isVisible('svg[aria-labelledby="relatie-titel relatie-beschrijving"]'));
  await expectAccessible(page, 'contract direction page');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/regie.png`, fullPage: true });
  await page.context().close();
  const supplier = await newPage();
  await login(supplier, 'leverancier@voorbeeld.nl');
  await supplier.goto(`${base}/o/voorbeeld/regie`);
  assert.doesNotMatch(await supplier.textContent('main'), /PinkRoccade|Sociaal domein/);
  await expectAccessible(supplier, 'supplier portal');
  await supplier.context().close();
});

test('Transitie: roles and FTE, the plan with its Gantt chart and warning, the risk dossier, a form with a named problem, the partner\'s risk', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  await page.click('nav a[href="/o/voorbeeld/transitie"]');
  await page.waitForURL(/\/transitie$/);
  assert.match(await page.textContent('#fte-voor'), /11,2/);
  assert.match(await page.textContent('#fte-na'), /9/);
  assert.match(await page.textContent('#mensen'), /Fatima El Amrani/);
  assert.match(await page.textContent('main'), /stabilisatie duurt \d+ dagen/);
  assert.ok(await page.isVisible('svg[aria-labelledby="gantt-titel gantt-beschrijving"]'));
  assert.match(await page.textContent('#mijlpalen-tabel'), /te laat/);
  assert.match(await page.textContent('#weekrapport + p + dl'), /Dip na de wittebroodsweken: 9 → 16/);
  assert.match(await page.textContent('#risico-tabel'), /Centric/);
  await expectAccessible(page, 'transition dossier');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/transitie.png`, fullPage: true });
  // A milestone that would close a cycle is refused, named on the form.
  await page.click('#mijlpalen-tabel a:has-text("Wijzigen"):near(:text("Collegebesluit"))');
  await page.waitForURL(/\/mijlpalen\/[0-9a-f-]+$/);
  const last = await page.$eval('#veld-afhankelijkVan', (select) => [...select.options].find((o) => o.text.startsWith('Overdracht naar regie')).value);
  await page.selectOption('#veld-afhankelijkVan', last);
  await page.click('main button[type=submit]');
  assert.match(await page.textContent('#formulier-melding'), /kring/);
  await expectAccessible(page, 'milestone form with a problem');
  await page.context().close();
  // A reader does not see the people; the partner sees only its own risk and adds one.
  const reader = await newPage();
  await login(reader, 'lezer@voorbeeld.nl');
  await reader.goto(`${base}/o/voorbeeld/transitie`);
  assert.doesNotMatch(await reader.textContent('main'), /Fatima El Amrani/);
  await reader.context().close();
  const supplier = await newPage();
  await login(supplier, 'leverancier@voorbeeld.nl');
  await supplier.goto(`${base}/o/voorbeeld/transitie`);
  assert.match(await supplier.textContent('main'), /Koppelingen Burgerzaken/);
  assert.doesNotMatch(await supplier.textContent('main'), /Dip na de wittebroodsweken|Systeembeheerder/);
  await supplier.click('a:has-text("Risico toevoegen")');
  await supplier.fill('#veld-titel', 'Testomgeving te laat beschikbaar');
  await supplier.selectOption('#veld-kans', '4');
  await supplier.click('main button[type=submit]');
  await supplier.waitForURL(/\/transitie#risicos$/);
  assert.match(await supplier.textContent('#risico-tabel'), /Testomgeving te laat beschikbaar/);
  await expectAccessible(supplier, 'supplier risk portal');
  await supplier.context().close();
});

test('the journey overview: nine stages with their status, each linking to its page', async () => {
  const page = await newPage();
  await login(page, 'regisseur@voorbeeld.nl');
  const stages = await page.$$eval('#reis li', (items) => items.map((li) => [li.querySelector('a').textContent.trim(), li.querySelector('.rg-badge').textContent.trim(), li.querySelector('a').getAttribute('href')]));
  assert.deepEqual(stages.map((s) => s[0]), ['Basis', 'Kwaliteit', 'Koers', 'Gereedheid', 'Scope', 'Businesscase', 'Aanbesteding', 'Transitie', 'Regie']);
  assert.ok(stages.every((s) => ['niet gestart', 'bezig', 'op orde', 'aandacht nodig'].includes(s[1])), JSON.stringify(stages));
  assert.equal(stages[7][1], 'aandacht nodig', 'the demo transition plans stabilisation too short');
  await expectAccessible(page, 'dashboard with the journey');
  await page.click('#reis a:text("Transitie")');
  await page.waitForURL(/\/transitie$/);
  await page.context().close();
  const supplier = await newPage();
  await login(supplier, 'leverancier@voorbeeld.nl');
  assert.equal(await supplier.$('#reis'), null, 'a supplier sees no journey');
  await supplier.context().close();
});

// A second NL Design System theme: the example theme's tokens under another class, with other
// colours for the accent, the greys, the oranges, the link blue and the reds. Each custom part of Regisseur must follow it.
const SECOND_THEME = {
  violet: { 50: '#f0faf9', 100: '#d9f2ef', 200: '#b3e5df', 300: '#6fcbbf', 400: '#0a7568', 500: '#075e54', 600: '#05463e', 700: '#022420' },
  grijs: { 50: '#faf9f7', 100: '#f1efeb', 200: '#e3dfd8', 300: '#c9c2b7', 400: '#6b6254', 500: '#4f4739', 600: '#3a3329', 700: '#1f1a13' },
  oranje: { 50: '#fffaf0', 100: '#fff0d6', 200: '#ffe0ad', 300: '#ffc46b', 400: '#9a5a00', 500: '#7a4600', 600: '#5a3300', 700: '#2b1800' },
  blauw: { 500: '#5b2a86' },
  rood: { 50: '#fff7fa', 100: '#fdebf1', 200: '#fbd6e3', 300: '#f5adc6', 400: '#c2185b', 500: '#9c1247', 600: '#730d34', 700: '#3d071c' },
};

function writeSecondTheme(folder) {
  let css = readFileSync(join(import.meta.dirname, '../../crates/web/static/vendor/voorbeeld-theme.css'), 'utf8');
  css = css.replaceAll('.voorbeeld-theme', '.ander-thema');
  for (const [hue, steps] of Object.entries(SECOND_THEME)) {
    for (const [step, colour] of Object.entries(steps)) {
      const declaration = new RegExp(`(--voorbeeld-kleuren-${hue}-${step}:)\\s*#[0-9a-f]{6}`, 'i');
      assert.match(css, declaration, `the example theme has ${hue}-${step}`);
      css = css.replace(declaration, `$1 ${colour}`);
    }
  }
  const file = join(folder, 'ander-thema.css');
  writeFileSync(file, css);
  return file;
}

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

// The colours of Regisseur's own parts on the dashboard and the readiness advice.
async function customColours(page, at) {
  await login(page, 'regisseur@voorbeeld.nl', at);
  const style = (selector, property) => page.$eval(selector, (e, p) => getComputedStyle(e).getPropertyValue(p), property);
  const dashboard = {
    nav: await style('.rg-nav', 'background-color'),
    current: await style('.rg-nav__link[aria-current="page"]', 'border-left-color'),
    footer: await style('footer', 'background-color'),
    header: await style('header', 'border-bottom-color'),
    attention: await style('.rg-badge--aandacht', 'color'),
    stage: await style('.rg-journey__stage--aandacht', 'border-left-color'),
  };
  await page.goto(`${at}/o/voorbeeld/gereedheid`);
  const advice = {
    verdict: await style('.rg-verdict', 'border-left-color'),
    chart: await style('.rg-radar text', 'fill'),
    spoke: await style('.rg-radar .rg-ink--grid', 'stroke'),
    limit: await style('.rg-radar .rg-ink--bad', 'stroke'),
    scores: await style('.rg-radar .rg-fill--accent', 'fill'),
  };
  return { ...dashboard, ...advice };
}

test('a municipality\'s own theme restyles every custom part, and stays accessible', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'regisseur-theme-'));
  try {
    const themed = await startServer(folder, ['--theme', writeSecondTheme(folder), '--theme-class', 'ander-thema']);
    const page = await newPage();
    const own = await customColours(page, themed);
    assert.equal(await page.getAttribute('body', 'class').then((c) => c.includes('ander-thema')), true);
    await expectAccessible(page, 'readiness advice in a second theme');
    await page.goto(`${themed}/o/voorbeeld`);
    await expectAccessible(page, 'dashboard in a second theme');
    await page.context().close();

    const first = await newPage();
    const example = await customColours(first, base);
    await first.context().close();

    // Each part takes the token of the theme it is shown in.
    const expected = {
      nav: rgb(SECOND_THEME.grijs[50]),
      current: rgb(SECOND_THEME.violet[400]),
      footer: rgb(SECOND_THEME.violet[100]),
      header: rgb(SECOND_THEME.grijs[300]),
      attention: rgb(SECOND_THEME.rood[500]),
      stage: rgb(SECOND_THEME.rood[400]),
      verdict: rgb(SECOND_THEME.oranje[400]),
      chart: rgb(SECOND_THEME.grijs[700]),
      spoke: rgb(SECOND_THEME.grijs[300]),
      limit: rgb(SECOND_THEME.rood[400]),
      scores: rgb(SECOND_THEME.blauw[500]),
    };
    for (const [part, colour] of Object.entries(expected)) {
      assert.equal(own[part], colour, `${part} in the second theme`);
    }
    for (const part of Object.keys(own)) {
      assert.notEqual(own[part], example[part], `${part} is the same in both themes: not a token`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// Last: every page kept above through the W3C Nu HTML validator (vnu-jar from npm, on Debian's
// Java), with 0 errors.
test('every page type is valid HTML (W3C Nu validator)', () => {
  const folder = join(dir, 'html');
  const files = readdirSync(folder).map((f) => join(folder, f));
  assert.ok(files.length >= 30, `only ${files.length} pages were kept`);
  const jar = join(import.meta.dirname, 'node_modules/vnu-jar/build/dist/vnu.jar');
  let report;
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { stdio: 'pipe' });
    report = { messages: [] };
  } catch (error) {
    report = JSON.parse(error.stderr.toString());
  }
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], `${errors.length} HTML errors`);
});
