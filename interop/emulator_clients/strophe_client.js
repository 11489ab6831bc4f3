// Strophe.js (Debian's libjs-strophe, the library of Cisco's Finesse 12.x samples) signed in
// to the emulator as an agent, over XMPP over WebSocket or BOSH depending on the URL, the
// way Cisco's 12.5.1 Strophe sample connects: `wss://<REST host:port>/ws/`, or
// `https://<host>:<port>/http-bind/`. While the agent goes through a call (drive_call.py),
// every pub-sub event must arrive, in order, as `<message from="pubsub.<domain>">` in
// jabber:client carrying the Update as escaped text of `<notification>`.
//
// Usage: node --experimental-websocket strophe_client.js SERVICE_URL JID PASSWORD -- DRIVER...
// Node runs Strophe with small shims: @xmldom/xmldom (Debian node-xmldom) for the DOM,
// node's WebSocket, and Debian's node-xmlhttprequest for BOSH. TLS is verified: the
// emulator's CA comes in through NODE_EXTRA_CA_CERTS.
'use strict';

const { execFile } = require('child_process');
const { DOMParser, DOMImplementation } = require('@xmldom/xmldom');
const { XMLHttpRequest: NodeXhr } = require('xmlhttprequest');

const TIMEOUT_MS = 20000;
const PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const PUBSUB = 'http://jabber.org/protocol/pubsub';

function fail(message) {
  console.error(`strophe_client: ${message}`);
  process.exit(1);
}

// Strophe reads BOSH answers from responseXML, which node-xmlhttprequest leaves empty.
function Xhr() {
  const xhr = new NodeXhr();
  Object.defineProperty(xhr, 'responseXML', {
    get: () => (xhr.responseText ? new DOMParser().parseFromString(xhr.responseText, 'text/xml') : null),
    set: () => {},
  });
  return xhr;
}
global.window = { XMLHttpRequest: Xhr };
global.XMLHttpRequest = Xhr;
global.DOMParser = DOMParser;
global.document = new DOMImplementation().createDocument(null, null, null);
if (typeof WebSocket === 'undefined') {
  fail('this node has no WebSocket: run it with --experimental-websocket (node 20.10+)');
}

const { Strophe, $pres } = require('/usr/share/javascript/strophe/strophe.js');

const [service, jid, password, dashes, ...driver] = process.argv.slice(2);
if (!service || !jid || !password || dashes !== '--' || driver.length === 0) {
  fail('usage: strophe_client.js SERVICE_URL JID PASSWORD -- DRIVER...');
}
const domain = jid.split('@')[1];
const received = [];
let raw = '';
let finished = false;

const timer = setTimeout(() => fail(`timed out; received ${received.length} events`), TIMEOUT_MS);

// One pub-sub event: checks its shape and keeps node and Update.
function onMessage(message) {
  if (message.namespaceURI !== 'jabber:client') {
    fail(`a message outside jabber:client: ${message.namespaceURI}`);
  }
  if (message.getAttribute('from') !== `pubsub.${domain}`) {
    fail(`a message from ${message.getAttribute('from')}`);
  }
  const event = message.getElementsByTagNameNS(PUBSUB_EVENT, 'event')[0];
  const items = event && event.getElementsByTagNameNS(PUBSUB_EVENT, 'items')[0];
  const item = items && items.getElementsByTagNameNS(PUBSUB_EVENT, 'item')[0];
  const notification = item && item.getElementsByTagNameNS(PUBSUB, 'notification')[0];
  if (!notification || !item.getAttribute('id')) {
    fail(`not a pub-sub event: ${Strophe.serialize(message)}`);
  }
  const update = notification.textContent;
  if (!update.startsWith('<Update>')) {
    fail(`the notification carries no Update: ${update.slice(0, 80)}`);
  }
  received.push({ node: items.getAttribute('node'), update });
  return true;
}

function compare(expected) {
  if (received.length < expected.length) {
    return false;
  }
  const same = JSON.stringify(received) === JSON.stringify(expected);
  if (!same) {
    fail(`events differ:\nexpected ${JSON.stringify(expected, null, 1)}\nreceived ${JSON.stringify(received, null, 1)}`);
  }
  // On the wire the Update is text: escaped, never child elements.
  if (!raw.includes('&lt;Update&gt;')) {
    fail('the Update did not arrive escaped');
  }
  return true;
}

function drive(connection) {
  execFile(driver[0], driver.slice(1), (error, stdout, stderr) => {
    if (error) {
      fail(`the driver failed: ${stderr}`);
    }
    const expected = JSON.parse(stdout);
    if (expected.length < 6) {
      fail(`the call published only ${expected.length} events`);
    }
    const check = setInterval(() => {
      if (compare(expected)) {
        clearInterval(check);
        clearTimeout(timer);
        finished = true;
        console.log(`strophe_client: ${received.length} of ${expected.length} events over ${service}`);
        connection.disconnect('done');
      }
    }, 50);
  });
}

const connection = new Strophe.Connection(service);
connection.rawInput = (data) => {
  raw += data;
};
connection.connect(jid, password, (status, condition) => {
  switch (status) {
    case Strophe.Status.CONNECTED:
      connection.addHandler(onMessage, null, 'message', null, null, null);
      connection.send($pres().tree());
      drive(connection);
      break;
    case Strophe.Status.AUTHFAIL:
    case Strophe.Status.CONNFAIL:
    case Strophe.Status.ERROR:
      fail(`connection failed (status ${status}, ${condition})`);
      break;
    case Strophe.Status.DISCONNECTED:
      if (!finished) {
        fail(`disconnected early (${condition})`);
      }
      process.exit(0);
      break;
    default:
      break;
  }
});
