//! Every bound on what a client can make the emulator hold or parse, in one place. A peer
//! that goes past one gets the answer a server gives — HTTP 400, 413 or 431; an XMPP stream
//! error (`not-well-formed`, `policy-violation`) and the end of the stream; a BOSH terminate
//! body (`bad-request`, `policy-violation`) — and the emulator serves on. Each number is far
//! above what Finesse clients send and far below what would hurt the process.

use std::time::Duration;

/// Deepest nesting of XML elements in a document, a WebSocket frame, a BOSH body or an
/// element of an XMPP stream. The deepest a client sends is 5 levels (a Dialog with call
/// variables; an XMPP iq carrying a data form is 6). roxmltree descends recursively, a few
/// KiB of stack per level in a debug build, and the emulator's thread has 2 MiB: 32 levels
/// cost little, 500 overflow it.
pub(crate) const MAX_XML_DEPTH: usize = 32;

/// Most XML nodes (elements, text, attributes' owners) in a REST request body: a Dialog
/// with every call variable and ECC variable set has a few hundred.
pub(crate) const REST_XML_NODES: u32 = 4096;

/// Most XML nodes in one XMPP element (a frame, a stanza, a BOSH body): client stanzas have
/// a few dozen.
pub(crate) const STANZA_XML_NODES: u32 = 512;

/// Largest request body (REST, control API, BOSH), in bytes: Finesse's own bodies are under
/// 4 KiB. Larger ones are answered 413 (BOSH: `policy-violation`).
pub(crate) const MAX_BODY: usize = 64 * 1024;

/// Most header lines in one HTTP request: Tomcat's `maxHeaderCount`, under which Finesse
/// runs, and hyper's default. More are answered 431.
pub(crate) const MAX_HEADERS: usize = 100;

/// Most bytes in an HTTP request's line and headers: room for a long SSO bearer token;
/// Tomcat's `maxHttpHeaderSize` is 8 KiB. More are answered 431.
pub(crate) const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Largest read or write buffer of one HTTP connection: the head and a slice of the body
/// fit, and 256 connections hold at most 16 MiB.
pub(crate) const MAX_HTTP_BUFFER: usize = 64 * 1024;

/// Largest WebSocket frame or message from a client: as a request body. Larger ones end
/// the stream with `policy-violation`.
pub(crate) const MAX_FRAME: usize = 64 * 1024;

/// Largest element of an XMPP stream over TCP, and most bytes buffered while one is
/// incomplete: as a WebSocket frame.
pub(crate) const MAX_ELEMENT: usize = 64 * 1024;

/// Connections served at once on each port; further clients wait in the listen backlog.
pub(crate) const MAX_CONNECTIONS: usize = 256;

/// After the server ends an HTTP connection whose client may still be sending (an answer
/// given before the whole request was read: 413, 431), it reads and discards for this long
/// at most, so that closing with unread bytes does not reset the connection and destroy the
/// answer before the client reads it (the "lingering close" of Apache and nginx).
pub(crate) const LINGER_TIME: Duration = Duration::from_secs(2);

/// Most bytes discarded during a lingering close.
pub(crate) const LINGER_BYTES: usize = 16 * 1024 * 1024;

// JSON bodies of the control API are nested at most 128 levels: serde_json's own limit,
// answered 400 like any invalid body.

/// SSO tokens the emulator remembers (issued through the control API, valid or expired):
/// past this many, the one expiring first is forgotten.
pub(crate) const MAX_TOKENS: usize = 4096;

/// Longest lifetime of an issued SSO token: a week, the longest refresh-token lifetime
/// identity providers commonly allow. Longer ones are cut.
pub(crate) const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(7 * 24 * 3600);

/// Most team messages active at once; past it, a new one is refused with `System Resource
/// Limit Exceeded` (`MAX_ACTIVE_MESSAGE_LIMIT_EXCEEDED`, DG12.5 p202). The real limit is not
/// documented in what was found.
pub(crate) const MAX_ACTIVE_TEAM_MESSAGES: usize = 100;

/// Longest display time of a team message, in seconds: 23:55 hours, the longest the desktop
/// offers (CCX 12.5(1) SU3 Features Guide, "Team Message").
pub(crate) const MAX_TEAM_MESSAGE_DURATION: u64 = 23 * 3600 + 55 * 60;

/// Most queues the emulator holds, configured and added through the control API: a CCE
/// peripheral has a few hundred skill groups at most. Past it, adding one is refused.
pub(crate) const MAX_QUEUES: usize = 1000;
