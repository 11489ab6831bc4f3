//! The transports a notification session runs over, behind one interface: XMPP over
//! WebSocket, over TCP (direct TLS or STARTTLS), and over BOSH. The URL's scheme chooses.

mod bosh;
mod socket;
mod tcp;
mod websocket;

use std::time::{Duration, Instant};

use crate::error::{Error, Refusal};
use crate::notification_url::{self, Transport};
use crate::session::Target;
use crate::xmpp::{Condition, Frame};

/// How long a read waits before the session loop looks at its timers and requests.
pub(crate) const TICK: Duration = Duration::from_millis(50);

/// An XMPP stream over some transport.
pub(crate) trait Link: Send {
    /// Opens the stream to `domain`; called again, restarts it (after STARTTLS or SASL).
    fn open_stream(&mut self, domain: &str) -> Result<(), Error>;
    /// Sends one element.
    fn send(&mut self, stanza: &str) -> Result<(), Error>;
    /// Sends one element that carries a secret (the SASL PLAIN sign-in), where no log of a
    /// dependency can see it.
    fn send_secret(&mut self, stanza: &str) -> Result<(), Error> {
        self.send(stanza)
    }
    /// The next element received; `None` when none arrived within [`TICK`].
    fn read(&mut self) -> Result<Option<Frame>, Error>;
    /// The socket the link reads from, for waiting until it is readable without reading;
    /// `None` when reads come from elsewhere (BOSH's poller thread), which [`Link::read`]
    /// then waits on a tick at a time.
    fn socket(&self) -> Option<&std::net::TcpStream> {
        None
    }
    /// Sends `last` (the unavailable presence) and ends the stream; failures are ignored, the
    /// link is going away.
    fn close(&mut self, last: &str);
}

/// Connects to `target.url` with the transport its scheme names (TLS up, nothing of XMPP
/// sent yet but what STARTTLS needs).
pub(crate) fn connect(target: &Target, deadline: Instant) -> Result<Box<dyn Link>, Error> {
    let parts = notification_url::parse("notification_url", &target.url)?;
    Ok(match parts.transport {
        Transport::WebSocket => Box::new(websocket::WebSocketLink::connect(&parts, target)?),
        Transport::Tcp { direct_tls } => {
            Box::new(tcp::TcpLink::connect(&parts, direct_tls, target, deadline)?)
        }
        Transport::Bosh => Box::new(bosh::BoshLink::connect(&parts, target)?),
    })
}

/// The next element, waiting until `deadline`.
pub(crate) fn next_frame(link: &mut dyn Link, deadline: Instant) -> Result<Frame, Error> {
    loop {
        if Instant::now() > deadline {
            return Err(Error::timeout(
                "signing in to the notification service".to_owned(),
            ));
        }
        if let Some(frame) = link.read()? {
            return Ok(frame);
        }
    }
}

/// The error for a refusal by the service at `url`.
pub(crate) fn refusal(
    url: &str,
    operation: &str,
    condition: Condition,
    node: Option<&str>,
) -> Error {
    Error::Refused(Box::new(Refusal {
        operation: operation.to_owned(),
        condition: condition.name,
        text: condition.text,
        node: node.map(str::to_owned),
        url: url.to_owned(),
    }))
}
