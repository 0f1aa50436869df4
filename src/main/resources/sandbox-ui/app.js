// ombc-cds sandbox card viewer. Everything that comes from a card or a FHIR resource is inserted as text, or
// through renderMarkdown, which escapes HTML before it adds any markup of its own.
'use strict';

const SERVICES = { 'patient-view': '/cds-services/ombc-patient-view', 'order-sign': '/cds-services/ombc-order-sign' };
const SNOMED = 'http://snomed.info/sct';
const $ = (id) => document.getElementById(id);
let currentPatient = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Inline markdown on already-escaped text: bold, code, links (http/https only), escaped punctuation.
function inline(escaped) {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+(?:\([^\s)]*\))?[^\s)]*)\)/g,
      (m, label, url) => '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + label + '</a>')
    .replace(/\\([\\`*_\[\]()#|!<>&])/g, '$1');
}

function renderMarkdown(markdown) {
  const lines = escapeHtml(markdown).split('\n');
  const out = [];
  let list = false;
  let sub = false;
  let table = null;
  const closeBlocks = () => {
    if (sub) { out.push('</ul>'); sub = false; }
    if (list) { out.push('</ul>'); list = false; }
    if (table) { out.push(table.join('') + '</table>'); table = null; }
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (/^\|.*\|$/.test(line)) {
      if (/^\|[-| ]+\|$/.test(line)) continue;
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => inline(c.trim()));
      if (!table) { table = ['<table>']; table.push('<tr>' + cells.map((c) => '<th>' + c + '</th>').join('') + '</tr>'); }
      else table.push('<tr>' + cells.map((c) => '<td>' + c + '</td>').join('') + '</tr>');
      continue;
    }
    if (table) { out.push(table.join('') + '</table>'); table = null; }
    let m;
    if ((m = /^(#{1,6}) (.*)$/.exec(line))) { closeBlocks(); out.push('<h4>' + inline(m[2]) + '</h4>'); }
    else if ((m = /^(\s*)- (.*)$/.exec(line))) {
      const nested = m[1].length >= 2;
      if (!list) { out.push('<ul>'); list = true; }
      if (nested && !sub) { out.push('<ul>'); sub = true; }
      if (!nested && sub) { out.push('</ul>'); sub = false; }
      out.push('<li>' + inline(m[2]) + '</li>');
    } else if ((m = /^&gt; (.*)$/.exec(line))) { closeBlocks(); out.push('<blockquote>' + inline(m[1]) + '</blockquote>'); }
    else if (line === '') { closeBlocks(); }
    else { closeBlocks(); out.push('<p>' + inline(line) + '</p>'); }
  }
  closeBlocks();
  const container = el('div', { class: 'detail' });
  container.innerHTML = out.join('\n');
  return container;
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch (e) { json = { raw: text }; }
  return { status: response.status, json };
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(Math.random() * 16).toString(16));
}

// Feedback goes to the service that issued the card: each service accepts only its own cards.
async function sendFeedback(card, service, item, area) {
  const body = { feedback: [Object.assign({ card: card.uuid, outcomeTimestamp: new Date().toISOString() }, item)] };
  const result = await postJson(service + '/feedback', body);
  area.replaceChildren(el('span', { class: result.status === 200 ? 'feedback-sent' : 'feedback-error' },
    result.status === 200 ? 'Feedback sent: ' + item.outcome : 'Feedback refused (' + result.status + '): '
      + (result.json.detail || '')));
}

// Summary, then what the clinician can do (suggestions, dismissal), then the short detail, then the link to the
// full evidence: the buttons are never below the evidence.
function renderCard(card, service) {
  const node = el('article', { class: 'card ' + card.indicator, 'data-card-uuid': card.uuid });
  node.append(el('div', { class: 'indicator' }, card.indicator));
  node.append(el('div', { class: 'summary' }, card.summary));
  const actions = el('div', { class: 'actions' });
  for (const suggestion of card.suggestions || []) {
    const button = el('button', { class: suggestion.isRecommended ? 'recommended' : '', type: 'button' }, suggestion.label);
    button.addEventListener('click', () => sendFeedback(card, service,
      { outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }] }, actions));
    actions.append(button);
  }
  if (card.overrideReasons && card.overrideReasons.length) {
    const select = el('select', { 'aria-label': 'Override reason' });
    for (const reason of card.overrideReasons) {
      select.append(el('option', { value: reason.code }, reason.display));
    }
    const dismiss = el('button', { type: 'button', class: 'override' }, 'Dismiss with reason');
    dismiss.addEventListener('click', () => {
      const reason = card.overrideReasons.find((r) => r.code === select.value);
      sendFeedback(card, service, { outcome: 'overridden', overrideReason: { reason } }, actions);
    });
    actions.append(select, dismiss);
  }
  // A plain dismissal, as EHRs and the public CDS Hooks sandbox send it: no reason at all.
  const close = el('button', { type: 'button', class: 'dismiss' }, 'Dismiss');
  close.addEventListener('click', () => sendFeedback(card, service, { outcome: 'overridden' }, actions));
  actions.append(close);
  node.append(actions);
  if (card.detail) node.append(renderMarkdown(card.detail));
  const source = el('div', { class: 'source' }, 'Source: ');
  source.append(card.source.url
    ? el('a', { href: card.source.url, target: '_blank', rel: 'noopener noreferrer' }, card.source.label)
    : card.source.label);
  for (const link of card.links || []) {
    if (/^https?:\/\//.test(link.url)) {
      source.append(' · ', el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', class: 'card-link' },
        link.label));
    }
  }
  node.append(source);
  return node;
}

// A draft palliative radiotherapy course for the open patient, as an EHR sends it in context.draftOrders: intent in
// the mCODE treatment-intent extension (clinical-rules 9).
function palliativeRadiotherapyOrder(patientId) {
  return {
    resourceType: 'Bundle', type: 'collection', entry: [{ resource: {
      resourceType: 'ServiceRequest', id: 'sandbox-rt-1',
      extension: [{ url: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-intent',
        valueCodeableConcept: { coding: [{ system: SNOMED, code: '363676003', display: 'Palliative - procedure intent' }] } }],
      status: 'draft', intent: 'order',
      code: { coding: [{ system: SNOMED, code: '1217123003', display: 'Radiotherapy course of treatment' }],
        text: 'Palliative radiotherapy, 20 Gy in 5 fractions' },
      subject: { reference: 'Patient/' + patientId },
      authoredOn: new Date().toISOString().slice(0, 10),
    } }],
  };
}

async function openPatient(patient, button) {
  document.querySelectorAll('nav button').forEach((b) => b.removeAttribute('aria-current'));
  button.setAttribute('aria-current', 'true');
  currentPatient = patient;
  $('sign-rt').disabled = false;
  if (window.location.hash !== '#patient=' + encodeURIComponent(patient.id)) {
    history.replaceState(null, '', '#patient=' + encodeURIComponent(patient.id));
  }
  // One click to the SMART tumour-board view: a standalone launch against the sandbox's own open /fhir.
  $('tumour-board').href = '/smart/launch?iss=' + encodeURIComponent(window.location.origin + '/fhir')
    + '&patient=' + encodeURIComponent(patient.id);
  $('tumour-board').hidden = false;
  await fire(patient, 'patient-view');
}

async function fire(patient, hook) {
  $('chart-title').textContent = patient.name;
  $('status').textContent = 'Firing ' + hook + '…';
  $('cards').replaceChildren();
  const request = {
    hookInstance: uuid(), hook,
    context: { userId: 'Practitioner/sandbox-oncologist', patientId: patient.id },
  };
  if (hook === 'order-sign') request.context.draftOrders = palliativeRadiotherapyOrder(patient.id);
  if ($('use-fallback').checked) {
    request.fhirServer = window.location.origin + '/fhir';
    request.fhirAuthorization = { access_token: 'sandbox', token_type: 'Bearer', expires_in: 300,
      scope: 'patient/*.read', subject: 'ombc-sandbox' };
  } else {
    const prefetch = await fetch('/sandbox/patients/' + encodeURIComponent(patient.id) + '/prefetch');
    request.prefetch = await prefetch.json();
  }
  $('request-json').textContent = JSON.stringify(request, null, 2);
  const service = SERVICES[hook];
  const started = performance.now();
  const result = await postJson(service, request);
  const millis = Math.round(performance.now() - started);
  $('response-json').textContent = JSON.stringify(result.json, null, 2);
  if (result.status !== 200) {
    $('status').textContent = 'HTTP ' + result.status + ': ' + (result.json.detail || '');
    return;
  }
  const cards = result.json.cards || [];
  $('status').textContent = cards.length === 0
    ? 'No card from ' + hook + ': nothing applies (' + millis + ' ms).'
    : hook + ': ' + cards.length + ' card(s) in ' + millis + ' ms.';
  $('cards').replaceChildren(...cards.map((card) => renderCard(card, service)));
  // In one column (narrow side panels) the list is above the card: bring the card into view.
  if (window.matchMedia('(max-width: 800px)').matches) $('chart').scrollIntoView();
}

const buttons = new Map();

// '#patient=demo-sync-luminal-bone' opens that patient: a link an integrator can share.
function openFromHash() {
  const match = /^#patient=(.+)$/.exec(window.location.hash);
  if (!match) return;
  const entry = buttons.get(decodeURIComponent(match[1]));
  if (entry) openPatient(entry.patient, entry.button);
  else $('status').textContent = 'No demo patient with that id.';
}

async function loadPatients() {
  const response = await fetch('/sandbox/patients');
  const patients = await response.json();
  for (const patient of patients) {
    const button = el('button', { type: 'button', 'data-patient-id': patient.id },
      el('span', { class: 'name' }, patient.name), el('span', { class: 'story' }, patient.story));
    button.addEventListener('click', () => openPatient(patient, button));
    buttons.set(patient.id, { patient, button });
    $('patients').append(el('li', {}, button));
  }
  openFromHash();
}

$('sign-rt').addEventListener('click', () => { if (currentPatient) fire(currentPatient, 'order-sign'); });
window.addEventListener('hashchange', openFromHash);
loadPatients();
