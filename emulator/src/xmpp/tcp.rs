//! XMPP over TCP (RFC 6120): the stream header, then elements inside one XML document,
//! `</stream:stream>` to end it. On the STARTTLS port the first stream offers only TLS,
//! required before SASL (RFC 6120 5.3.1, as Openfire on Finesse requires it); after
//! `<proceed/>` and the handshake, or at once on the direct-TLS port, the stream runs as
//! on every transport (`connection`).

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_rustls::TlsAcceptor;

use super::connection::{Connection, End, Out, SIGN_IN_TIMEOUT, Step, stream_id};
use super::link::Link;
use super::listener::HANDSHAKE_TIMEOUT;
use super::sessions::Outbound;
use super::stanza::{self, Incoming};
use super::tcp_reader::{Piece, StreamReader};
use super::{frames, ns};
use crate::engine::Engine;

/// A write that does not complete in this time ends the connection.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the server waits for the client to close after `</stream:stream>`.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);
/// Bytes read at once.
const READ_CHUNK: usize = 8192;

/// Serves a connection on the STARTTLS port: a first stream that negotiates TLS only.
pub(crate) async fn run_starttls(
    mut tcp: TcpStream,
    tls: TlsAcceptor,
    engine: Arc<Engine>,
    link: Link,
) {
    let mut reader = StreamReader::default();
    let negotiated = tokio::time::timeout(HANDSHAKE_TIMEOUT, negotiate_tls(&mut tcp, &mut reader));
    if !matches!(negotiated.await, Ok(Ok(true))) {
        return;
    }
    if let Ok(Ok(stream)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.accept(tcp)).await {
        run(stream, engine, link).await;
    }
}

/// The stream before TLS: header and features, then `<starttls/>` answered by
/// `<proceed/>`; true when the TLS handshake is to follow. Anything else ends the stream.
async fn negotiate_tls(tcp: &mut TcpStream, reader: &mut StreamReader) -> std::io::Result<bool> {
    let mut opened = false;
    let mut chunk = [0u8; READ_CHUNK];
    loop {
        let piece = match reader.next() {
            Ok(Some(piece)) => piece,
            Ok(None) => {
                let n = tcp.read(&mut chunk).await?;
                if n == 0 {
                    return Ok(false);
                }
                reader.push(&chunk[..n]);
                continue;
            }
            Err(e) => {
                send_error(tcp, opened, e.condition()).await?;
                return Ok(false);
            }
        };
        match piece {
            Piece::Header => {
                opened = true;
                let reply = frames::stream_header(&stream_id()) + &frames::starttls_features();
                tcp.write_all(reply.as_bytes()).await?;
            }
            Piece::Element(e) if opened && is_starttls(&e) => {
                tcp.write_all(frames::starttls_proceed().as_bytes()).await?;
                tcp.flush().await?;
                reader.clear();
                return Ok(true);
            }
            Piece::Close => {
                tcp.write_all(frames::stream_close().as_bytes()).await?;
                return Ok(false);
            }
            // Anything but TLS first breaks the server's policy (RFC 6120 5.3.1).
            Piece::Element(_) => {
                send_error(tcp, opened, "policy-violation").await?;
                return Ok(false);
            }
        }
    }
}

fn is_starttls(element: &str) -> bool {
    let Ok(doc) = stanza::parse_body(element) else {
        return false;
    };
    let root = doc.root_element();
    root.tag_name().name() == "starttls" && root.tag_name().namespace() == Some(ns::TLS)
}

/// A stream error, after a header when none was sent yet (RFC 6120 4.9.1.1), then the end.
async fn send_error<S>(stream: &mut S, opened: bool, condition: &str) -> std::io::Result<()>
where
    S: AsyncWrite + Unpin,
{
    let mut out = String::new();
    if !opened {
        out.push_str(&frames::stream_header(&stream_id()));
    }
    out.push_str(&frames::stream_error(condition));
    out.push_str(&frames::stream_close());
    stream.write_all(out.as_bytes()).await?;
    stream.flush().await
}

/// Serves a stream over TLS until it ends.
pub(crate) async fn run<S>(mut stream: S, engine: Arc<Engine>, mut link: Link)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (mut conn, mut inbox) = Connection::new(engine);
    let mut reader = StreamReader::default();
    let mut opened = false;
    let mut chunk = vec![0u8; READ_CHUNK];
    let sign_in_deadline = Instant::now() + SIGN_IN_TIMEOUT;
    let end = loop {
        if !link.thawed().await {
            break End::Abrupt;
        }
        let step = match next_step(&mut reader, &mut conn) {
            Some(step) => step,
            None => {
                let bound = conn.is_bound();
                tokio::select! {
                    biased;
                    () = link.interrupted() => continue,
                    () = tokio::time::sleep_until(sign_in_deadline), if !bound => {
                        Err(End::Error("connection-timeout"))
                    }
                    outbound = inbox.recv() => match outbound {
                        Some(Outbound::Frame(frame)) => Ok(vec![Out::Frame(frame)]),
                        Some(Outbound::End(condition)) => Err(End::Error(condition)),
                        None => Err(End::Abrupt),
                    },
                    read = stream.read(&mut chunk) => match read {
                        Ok(0) | Err(_) => Err(End::PeerClosed),
                        Ok(n) => {
                            reader.push(&chunk[..n]);
                            Ok(Vec::new())
                        }
                    },
                }
            }
        };
        match step {
            Ok(replies) => {
                if !write(&mut stream, replies, &mut opened).await {
                    break End::Abrupt;
                }
            }
            Err(end) => break end,
        }
    };
    drop(conn);
    finish(stream, end, opened).await;
}

/// What the next complete piece already read asks for; `None` when more bytes are needed.
fn next_step(reader: &mut StreamReader, conn: &mut Connection) -> Option<Step> {
    match reader.next() {
        Ok(None) => None,
        Err(e) => Some(Err(End::Error(e.condition()))),
        Ok(Some(Piece::Header)) => Some(conn.handle(Incoming::Open)),
        Ok(Some(Piece::Close)) => Some(Err(End::Orderly)),
        Ok(Some(Piece::Element(text))) => Some(match stanza::parse_in_stream(&text) {
            Ok(element) => conn.handle(element),
            Err(refused) => Err(End::Error(refused.condition())),
        }),
    }
}

async fn write<S>(stream: &mut S, replies: Vec<Out>, opened: &mut bool) -> bool
where
    S: AsyncWrite + Unpin,
{
    if replies.is_empty() {
        return true;
    }
    let mut out = String::new();
    for reply in replies {
        match reply {
            Out::Open(id) => {
                *opened = true;
                out.push_str(&frames::stream_header(&id));
            }
            Out::Frame(frame) => out.push_str(&frame),
        }
    }
    let sending = async {
        stream.write_all(out.as_bytes()).await?;
        stream.flush().await
    };
    matches!(
        tokio::time::timeout(WRITE_TIMEOUT, sending).await,
        Ok(Ok(()))
    )
}

/// Ends the stream the way `end` says: the closing tag (after a stream error, if any),
/// then a moment for the client to close its side.
async fn finish<S>(mut stream: S, end: End, opened: bool)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let closing = async {
        match end {
            End::Abrupt => return Ok(()),
            End::PeerClosed | End::Orderly => {
                stream.write_all(frames::stream_close().as_bytes()).await?;
            }
            End::Error(condition) => send_error(&mut stream, opened, condition).await?,
        }
        stream.shutdown().await?;
        // The client's `</stream:stream>` and TLS close complete the ending.
        let mut rest = [0u8; 512];
        while stream.read(&mut rest).await? > 0 {}
        Ok::<(), std::io::Error>(())
    };
    let _ = tokio::time::timeout(CLOSE_TIMEOUT, closing).await;
}
