/* Hookdesk chat widget (SPEC §10). Plain JavaScript, no framework, no build step.
 * Embed: <script src="https://desk.example/widget.js" data-workspace="ws_…" data-source="website" async></script>
 * Text is only ever set with textContent: what visitors and agents type is shown as typed. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(script.src).origin;
  var api = base + '/widget/v1';
  var workspace = script.getAttribute('data-workspace');
  var source = script.getAttribute('data-source') || 'website';
  var storeKey = 'hookdesk-widget:' + base + ':' + workspace + ':' + source;
  var session = load();
  var chat = null;
  var seen = {};
  var stream = null;
  var ended = { completed: true, missed: true };

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || null; } catch (e) { return null; }
  }
  function save(s) {
    session = s;
    try { window.localStorage.setItem(storeKey, JSON.stringify(s)); } catch (e) { /* private mode */ }
  }

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text) n.textContent = text;
    return n;
  }
  function field(form, label, input) {
    var id = 'hdw-' + label.toLowerCase().replace(/[^a-z]+/g, '-') + '-' + form.id;
    input.id = id;
    var l = el('label', { 'for': id }, label);
    form.appendChild(l);
    form.appendChild(input);
    return input;
  }
  function show(node, on) { node.hidden = !on; }

  // The widget's parts.
  var css = el('link', { rel: 'stylesheet', href: base + '/widget.css' });
  document.head.appendChild(css);
  var root = el('div', { 'class': 'hdw' });
  var launcher = el('button', { type: 'button', 'class': 'hdw-launcher', 'aria-expanded': 'false',
    'aria-controls': 'hdw-panel' }, 'Chat with us');
  var panel = el('section', { id: 'hdw-panel', 'class': 'hdw-panel', 'aria-label': 'Chat' });
  var agent = el('p', { 'class': 'hdw-agent', id: 'hdw-agent' });
  var status = el('p', { 'class': 'hdw-status', role: 'status' });
  var log = el('ol', { 'class': 'hdw-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });

  var prechat = el('form', { id: 'hdw-prechat', 'class': 'hdw-form' });
  var name = field(prechat, 'Name', el('input', { type: 'text', autocomplete: 'name', maxlength: '200' }));
  var email = field(prechat, 'Email', el('input', { type: 'email', autocomplete: 'email', maxlength: '320' }));
  prechat.appendChild(el('button', { type: 'submit' }, 'Start chat'));

  var compose = el('form', { id: 'hdw-compose', 'class': 'hdw-form' });
  var message = field(compose, 'Message', el('textarea', { rows: '2', maxlength: '10000', required: '' }));
  compose.appendChild(el('button', { type: 'submit' }, 'Send'));
  var end = el('button', { type: 'button', 'class': 'hdw-end' }, 'End chat');
  compose.appendChild(end);

  var callback = el('form', { id: 'hdw-callback', 'class': 'hdw-form' });
  callback.appendChild(el('p', {}, 'No agent is available right now. Leave your number and we will call you back.'));
  var phone = field(callback, 'Phone', el('input', { type: 'tel', autocomplete: 'tel', maxlength: '64' }));
  callback.appendChild(el('button', { type: 'submit' }, 'Request a callback'));

  var after = el('div', { id: 'hdw-after', 'class': 'hdw-form' });
  var rating = el('form', { id: 'hdw-rating' });
  var score = field(rating, 'Score', el('select', {}));
  ['5', '4', '3', '2', '1'].forEach(function (s) { score.appendChild(el('option', { value: s }, s + ' / 5')); });
  rating.appendChild(el('button', { type: 'submit' }, 'Rate'));
  var transcript = el('form', { id: 'hdw-transcript' });
  var transcriptEmail = field(transcript, 'Email', el('input', { type: 'email', autocomplete: 'email', required: '' }));
  transcript.appendChild(el('button', { type: 'submit' }, 'Email me the transcript'));
  var again = el('button', { type: 'button' }, 'New chat');
  after.appendChild(rating);
  after.appendChild(transcript);
  after.appendChild(again);

  [agent, log, prechat, compose, callback, after, status].forEach(function (n) { panel.appendChild(n); });
  root.appendChild(launcher);
  root.appendChild(panel);

  function request(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (session) headers.Authorization = 'Bearer ' + session.visitor_token;
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (json) {
          if (!res.ok) {
            if (res.status === 401) save(null);
            throw new Error((json.errors && json.errors[0] && json.errors[0].field + ' ' + json.errors[0].message)
              || json.detail || json.title || ('HTTP ' + res.status));
          }
          return json;
        });
      });
  }
  function say(text) { status.textContent = text || ''; }
  function fail(err) { say(err.message); }

  function addMessage(m) {
    if (seen[m.id]) return;
    seen[m.id] = true;
    var item = el('li', { 'class': 'hdw-msg hdw-' + m.author });
    var who = m.author === 'visitor' ? 'You' : (m.author_name || (m.author === 'system' ? 'Notice' : 'Agent'));
    item.appendChild(el('span', { 'class': 'hdw-who' }, who));
    item.appendChild(el('span', { 'class': 'hdw-text' }, m.text));
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function render() {
    var open = chat && !ended[chat.status];
    show(prechat, !chat || (ended[chat.status] && chat.rating));
    show(log, !!chat);
    show(compose, !!open);
    var waiting = open && chat.agents.length === 0 && !chat.callback_requested;
    show(callback, !!(waiting && chat.noAgents));
    show(after, !!(chat && ended[chat.status]));
    show(rating, !!(chat && ended[chat.status] && !chat.rating));
    agent.textContent = open && chat.agents.length ? 'You are chatting with ' + chat.agents.map(function (a) { return a.name; }).join(', ')
      : (open ? (chat.callback_requested ? 'We will call you back.' : 'Waiting for an agent…') : '');
  }

  function take(data) {
    var noAgents = chat && chat.id === (data.chat && data.chat.id) && chat.noAgents;
    chat = data.chat;
    if (chat) chat.noAgents = noAgents || data.event === 'no_agents_available';
    (data.messages || []).forEach(addMessage);
    render();
  }

  function follow(after) {
    if (stream) stream.close();
    if (!chat || !session) return;
    stream = new EventSource(api + '/chats/' + encodeURIComponent(chat.id) + '/stream?key='
      + encodeURIComponent(session.stream_key) + '&after=' + encodeURIComponent(after));
    stream.addEventListener('message', function (e) { addMessage(JSON.parse(e.data)); });
    stream.addEventListener('chat', function (e) {
      var c = JSON.parse(e.data);
      if (!chat || c.id !== chat.id) return;
      var noAgents = chat.noAgents || c.event === 'no_agents_available';
      if (c.agents.length) noAgents = false;
      chat = c;
      chat.noAgents = noAgents;
      render();
    });
  }

  function resume() {
    if (!session) { render(); return; }
    request('GET', '/chats/current').then(function (data) {
      take(data);
      if (chat && data.messages.length === 0 && !ended[chat.status]) chat.noAgents = chat.agents.length === 0;
      render();
      follow(data.stream_after);
    }).catch(function (err) { render(); fail(err); });
  }

  function startChat() {
    say('');
    var ready = session ? Promise.resolve(session) : request('POST', '/sessions', {
      workspace_id: workspace, source: source,
      name: name.value.trim() || undefined, email: email.value.trim() || undefined
    }).then(function (s) { save(s); return s; });
    ready.then(function () { return request('POST', '/chats', {}); })
      .then(function (data) {
        log.textContent = '';
        seen = {};
        take(data);
        follow(data.stream_after);
        message.focus();
      }).catch(fail);
  }

  launcher.addEventListener('click', function () {
    var open = panel.classList.toggle('hdw-open');
    launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) (chat && !ended[chat.status] ? message : name).focus();
  });
  prechat.addEventListener('submit', function (e) { e.preventDefault(); startChat(); });
  again.addEventListener('click', startChat);
  compose.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = message.value;
    if (!text.trim() || !chat) return;
    request('POST', '/chats/' + encodeURIComponent(chat.id) + '/messages', { text: text })
      .then(function (m) { message.value = ''; addMessage(m); say(''); }).catch(fail);
  });
  message.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); compose.requestSubmit(); }
  });
  end.addEventListener('click', function () {
    request('POST', '/chats/' + encodeURIComponent(chat.id) + '/abandon', {})
      .then(function (data) { take(data); transcriptEmail.value = email.value; }).catch(fail);
  });
  rating.addEventListener('submit', function (e) {
    e.preventDefault();
    request('POST', '/chats/' + encodeURIComponent(chat.id) + '/rating', { score: Number(score.value) })
      .then(function (data) { take(data); say('Thank you for rating this chat.'); }).catch(fail);
  });
  transcript.addEventListener('submit', function (e) {
    e.preventDefault();
    request('POST', '/chats/' + encodeURIComponent(chat.id) + '/transcript', { email: transcriptEmail.value })
      .then(function () { say('Transcript requested for ' + transcriptEmail.value + '.'); }).catch(fail);
  });
  callback.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = phone.value.trim() ? { type: 'phone', phone: phone.value.trim() } : { type: 'chat' };
    request('POST', '/chats/' + encodeURIComponent(chat.id) + '/callback', body)
      .then(function (data) { take(data); say('Callback requested.'); }).catch(fail);
  });

  function mount() {
    document.body.appendChild(root);
    resume();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
