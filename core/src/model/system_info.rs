//! SystemInfo: the node's service status, deployment and peers.

use serde::Serialize;

use super::{DeploymentType, SystemStatus, non_empty, number};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A Finesse node's description (`/finesse/api/SystemInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SystemInfo {
    /// IN_SERVICE, OUT_OF_SERVICE or PARTIAL_SERVICE.
    pub status: SystemStatus,
    /// Why the node is not in service (12.x).
    pub status_reason: Option<String>,
    /// UCCE, UCCX or PCCE.
    pub deployment_type: Option<DeploymentType>,
    /// The XMPP domain, used in JIDs.
    pub xmpp_domain: Option<String>,
    /// The XMPP pub-sub service domain.
    pub xmpp_pub_sub_domain: Option<String>,
    /// Side A host.
    pub primary_node: Option<String>,
    /// Side A's ports, where SystemInfo lists them (the 12.6 structure).
    pub primary_node_ports: Option<NodePorts>,
    /// Side B host.
    pub secondary_node: Option<String>,
    /// Side B's ports, where SystemInfo lists them.
    pub secondary_node_ports: Option<NodePorts>,
    /// The server's clock.
    pub current_timestamp: Option<String>,
    /// The server's offset from UTC, in minutes.
    pub timezone_offset: Option<i64>,
    /// NON_SSO, SSO or HYBRID.
    pub system_auth_mode: Option<String>,
    /// The license string.
    pub license: Option<String>,
    /// The CCE peripheral id.
    pub peripheral_id: Option<String>,
    /// The CTI protocol version.
    pub cti_version: Option<String>,
    /// The resource URI.
    pub uri: String,
}

/// A node's ports, as SystemInfo lists them inside `<primaryNode>` and `<secondaryNode>`
/// (DevNet `systeminfo`, "structured as follows").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NodePorts {
    /// The REST API's HTTPS port (`httpsPort`).
    pub https_port: Option<i64>,
    /// XMPP over TCP with STARTTLS (`xmppPort`).
    pub xmpp_port: Option<i64>,
    /// XMPP over TCP with direct TLS (`xmppSecurePort`).
    pub xmpp_secure_port: Option<i64>,
}

impl SystemInfo {
    /// Decodes a `SystemInfo` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<SystemInfo, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<SystemInfo, Error> {
        decode_document(
            xml,
            "SystemInfo",
            &[b"systeminfo"],
            limits,
            SystemInfo::read,
        )
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<SystemInfo, Error> {
        let mut s = SystemInfo {
            status: SystemStatus::Other(String::new()),
            status_reason: None,
            deployment_type: None,
            xmpp_domain: None,
            xmpp_pub_sub_domain: None,
            primary_node: None,
            primary_node_ports: None,
            secondary_node: None,
            secondary_node_ports: None,
            current_timestamp: None,
            timezone_offset: None,
            system_auth_mode: None,
            license: None,
            peripheral_id: None,
            cti_version: None,
            uri: String::new(),
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"status" => s.status = SystemStatus::parse(&r.text()?),
                b"statusreason" => s.status_reason = non_empty(r.text()?),
                b"deploymenttype" => {
                    s.deployment_type = non_empty(r.text()?).map(|v| DeploymentType::parse(&v))
                }
                b"xmppdomain" => s.xmpp_domain = non_empty(r.text()?),
                b"xmpppubsubdomain" => s.xmpp_pub_sub_domain = non_empty(r.text()?),
                b"primarynode" => (s.primary_node, s.primary_node_ports) = read_node(r)?,
                b"secondarynode" => (s.secondary_node, s.secondary_node_ports) = read_node(r)?,
                b"currenttimestamp" => s.current_timestamp = non_empty(r.text()?),
                b"timezoneoffset" => s.timezone_offset = number(&r.text()?),
                b"systemauthmode" => s.system_auth_mode = non_empty(r.text()?),
                b"license" => s.license = non_empty(r.text()?),
                b"peripheralid" => s.peripheral_id = non_empty(r.text()?),
                b"ctiversion" => s.cti_version = non_empty(r.text()?),
                b"uri" => s.uri = r.text()?,
                _ => r.skip()?,
            }
        }
        Ok(s)
    }
}

/// `<primaryNode><host>…</host></primaryNode>`, with the ports 12.6 lists beside the host
/// (none when it lists none).
fn read_node(r: &mut XmlReader<'_>) -> Result<(Option<String>, Option<NodePorts>), Error> {
    let mut host = None;
    let mut ports = NodePorts::default();
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"host" => host = non_empty(r.text()?),
            b"httpsport" => ports.https_port = number(&r.text()?),
            b"xmppport" => ports.xmpp_port = number(&r.text()?),
            b"xmppsecureport" => ports.xmpp_secure_port = number(&r.text()?),
            _ => r.skip()?,
        }
    }
    let listed = ports != NodePorts::default();
    Ok((host, listed.then_some(ports)))
}
