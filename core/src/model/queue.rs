//! The Queue resource (CCE): a skill group and its real-time statistics.

use serde::Serialize;

use super::{id_from_uri, non_empty, number};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A queue (`/finesse/api/Queue/<id>`, CCE only), as a GET returns it and as queue
/// notifications carry it (DG12.5 p141-144 "Queue").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Queue {
    /// The resource URI, e.g. `/finesse/api/Queue/10`.
    pub uri: String,
    /// The queue id (the skill group's peripheral number), from the `id` element or, when
    /// the document has none, from the URI.
    pub id: Option<i64>,
    /// The queue name.
    pub name: String,
    /// The statistics.
    pub statistics: QueueStatistics,
}

/// A queue's statistics (`Queue/statistics`). A queue assigned to no agent or supervisor
/// has every number at `-1` (DG12.5 p143-144); an empty element is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct QueueStatistics {
    /// Calls waiting in the queue.
    pub calls_in_queue: Option<i64>,
    /// When the call waiting longest entered the queue (`YYYY-MM-DDThh:mm:ssZ`); `None`
    /// when no call waits.
    pub start_time_of_longest_call_in_queue: Option<String>,
    /// Agents READY.
    pub agents_ready: Option<i64>,
    /// Agents NOT_READY.
    pub agents_not_ready: Option<i64>,
    /// Agents busy with other work.
    pub agents_busy_other: Option<i64>,
    /// Agents signed in.
    pub agents_logged_on: Option<i64>,
    /// Agents on inbound calls.
    pub agents_talking_inbound: Option<i64>,
    /// Agents on outbound calls.
    pub agents_talking_outbound: Option<i64>,
    /// Agents on internal calls.
    pub agents_talking_internal: Option<i64>,
    /// Agents in wrap-up who go NOT_READY after it.
    pub agents_wrap_up_not_ready: Option<i64>,
    /// Agents in wrap-up who go READY after it.
    pub agents_wrap_up_ready: Option<i64>,
}

impl Queue {
    /// Decodes a `Queue` document (a GET answer, or the payload of a queue notification).
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<Queue, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(xml: &[u8], limits: DecodeLimits) -> Result<Queue, Error> {
        decode_document(xml, "Queue", &[b"queue"], limits, Queue::read)
    }

    /// Decodes a `Queues` list document (`/finesse/api/User/<id>/Queues`).
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<Queue>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<Queue>, Error> {
        decode_document(xml, "Queues", &[b"queues"], limits, |r| {
            r.list(b"queue", Queue::read)
        })
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<Queue, Error> {
        let mut q = Queue::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => q.uri = r.text()?,
                b"id" => q.id = number(&r.text()?),
                b"name" => q.name = r.text()?,
                b"statistics" => q.statistics = read_statistics(r)?,
                _ => r.skip()?,
            }
        }
        if q.id.is_none() {
            q.id = id_from_uri(&q.uri);
        }
        Ok(q)
    }
}

fn read_statistics(r: &mut XmlReader<'_>) -> Result<QueueStatistics, Error> {
    let mut s = QueueStatistics::default();
    while let Some(name) = r.next_child()? {
        let slot = match name.as_bytes() {
            b"callsinqueue" => &mut s.calls_in_queue,
            b"starttimeoflongestcallinqueue" => {
                s.start_time_of_longest_call_in_queue = non_empty(r.text()?);
                continue;
            }
            b"agentsready" => &mut s.agents_ready,
            b"agentsnotready" => &mut s.agents_not_ready,
            b"agentsbusyother" => &mut s.agents_busy_other,
            b"agentsloggedon" => &mut s.agents_logged_on,
            b"agentstalkinginbound" => &mut s.agents_talking_inbound,
            b"agentstalkingoutbound" => &mut s.agents_talking_outbound,
            b"agentstalkinginternal" => &mut s.agents_talking_internal,
            b"agentswrapupnotready" => &mut s.agents_wrap_up_not_ready,
            b"agentswrapupready" => &mut s.agents_wrap_up_ready,
            _ => {
                r.skip()?;
                continue;
            }
        };
        *slot = number(&r.text()?);
    }
    Ok(s)
}
