//! The two nodes of a Finesse pair as the session sees them: whether a node is available by
//! its SystemInfo (the first of the guide's three checks, DG12.5 p377 "Failover"), which node
//! is the other one, and where a node serves notifications.

use crate::http::Http;
use crate::model::{NodePorts, SystemInfo, SystemStatus};
use crate::notification_url::{self, KnownPorts, host_of};

/// A node's SystemInfo, when it answers and says IN_SERVICE; otherwise why not.
pub(crate) fn in_service(http: &Http, node: &str) -> Result<SystemInfo, String> {
    let body = http
        .get_from(node, "/finesse/api/SystemInfo")
        .map_err(|e| e.to_string_with_causes())?;
    let info = SystemInfo::from_xml_with_limits(&body, http.limits()).map_err(|e| e.to_string())?;
    match info.status {
        SystemStatus::InService => Ok(info),
        status => Err(format!("SystemInfo says {}", status.as_str())),
    }
}

/// The URLs a node serves notifications at, in the order to try them: the defaults for
/// its REST origin and the ports its SystemInfo lists for it (12.6).
pub(crate) fn notification_urls(node: &str, info: &SystemInfo) -> Vec<String> {
    let host = host_of(node);
    let ports = if info.secondary_node.as_deref() == Some(host)
        && info.primary_node.as_deref() != Some(host)
    {
        info.secondary_node_ports.clone()
    } else {
        info.primary_node_ports.clone()
    }
    .unwrap_or_default();
    let port = |p: Option<i64>| p.and_then(|p| u16::try_from(p).ok());
    notification_url::candidates(
        node,
        KnownPorts {
            xmpp: port(ports.xmpp_port),
            xmpp_secure: port(ports.xmpp_secure_port),
        },
    )
}

/// The other node SystemInfo names relative to `node` (finesse.js `getAlternateHost`), as a
/// REST URL: its host, with its `httpsPort` when listed (12.6), else `node`'s port.
pub(crate) fn alternate_from(node: &str, info: &SystemInfo) -> Option<String> {
    let (scheme, authority) = node.split_once("://")?;
    let port = authority
        .rsplit_once(':')
        .filter(|(_, port)| !port.contains(']'))
        .map(|(_, port)| port.to_owned());
    let url = |host: &str, ports: &Option<NodePorts>| {
        let port = ports
            .as_ref()
            .and_then(|p| p.https_port)
            .map(|p| p.to_string())
            .or_else(|| port.clone());
        match port {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        }
    };
    let primary = info
        .primary_node
        .as_deref()
        .map(|host| url(host, &info.primary_node_ports));
    let secondary = info
        .secondary_node
        .as_deref()
        .map(|host| url(host, &info.secondary_node_ports));
    match (primary, secondary) {
        (Some(a), Some(b)) if a == node => Some(b),
        (Some(a), Some(b)) if b == node => Some(a),
        _ => None,
    }
}

/// The XMPP domains (`xmppDomain`, `xmppPubSubDomain`) of a node, defaulting to its host.
pub(crate) fn xmpp_domains(node: &str, info: &SystemInfo) -> (String, String) {
    let domain = info
        .xmpp_domain
        .clone()
        .unwrap_or_else(|| host_of(node).to_owned());
    let pubsub = info
        .xmpp_pub_sub_domain
        .clone()
        .unwrap_or_else(|| format!("pubsub.{domain}"));
    (domain, pubsub)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(primary: &str, secondary: Option<&str>, https: Option<(i64, i64)>) -> SystemInfo {
        let ports = |p: i64| NodePorts {
            https_port: Some(p),
            xmpp_port: None,
            xmpp_secure_port: None,
        };
        let mut xml = String::from("<SystemInfo><status>IN_SERVICE</status><uri/>");
        xml.push_str(&format!(
            "<primaryNode><host>{primary}</host></primaryNode>"
        ));
        if let Some(b) = secondary {
            xml.push_str(&format!("<secondaryNode><host>{b}</host></secondaryNode>"));
        }
        xml.push_str("</SystemInfo>");
        let mut info = SystemInfo::from_xml(xml).unwrap();
        if let Some((a, b)) = https {
            info.primary_node_ports = Some(ports(a));
            info.secondary_node_ports = Some(ports(b));
        }
        info
    }

    #[test]
    fn the_alternate_is_the_other_named_node() {
        let pair = info("fa.example.com", Some("fb.example.com"), None);
        assert_eq!(
            alternate_from("https://fa.example.com:8445", &pair).as_deref(),
            Some("https://fb.example.com:8445")
        );
        assert_eq!(
            alternate_from("https://fb.example.com:8445", &pair).as_deref(),
            Some("https://fa.example.com:8445")
        );
        // 12.6 lists each node's HTTPS port.
        let ports = info("localhost", Some("127.0.0.1"), Some((1001, 1002)));
        assert_eq!(
            alternate_from("https://localhost:1001", &ports).as_deref(),
            Some("https://127.0.0.1:1002")
        );
        // A single node, or a node SystemInfo does not name, has no alternate.
        let single = info("fa.example.com", None, None);
        assert_eq!(alternate_from("https://fa.example.com:8445", &single), None);
        assert_eq!(alternate_from("https://elsewhere:8445", &pair), None);
    }
}
