//! Certificates: a private CA generated at start-up and a server certificate it signs for
//! `localhost`, `127.0.0.1`, `::1`, the listen address and any extra names configured. Clients trust the CA's PEM, as they would a
//! Finesse node's private CA.

use std::io;
use std::net::IpAddr;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, date_time_ymd,
};
use rustls::ServerConfig;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

pub(crate) struct Certs {
    pub ca_pem: String,
    /// For HTTPS: ALPN `http/1.1`.
    pub server_config: Arc<ServerConfig>,
    /// For XMPP over TCP: no ALPN, so a client offering `xmpp-client` (XEP-0368) or nothing
    /// is served alike.
    pub xmpp_config: Arc<ServerConfig>,
}

fn tls_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("certificate generation failed: {e}"))
}

fn names(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::OrganizationName, "Finesse Emulator");
    dn.push(DnType::CommonName, common_name);
    dn
}

/// The names the server certificate covers: loopback under every name, the listen address
/// when it is a specific one, and the extra names, each once.
fn subject_names(listen: IpAddr, extra: &[String]) -> Vec<String> {
    let mut names = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    let listen = (!listen.is_unspecified()).then(|| listen.to_string());
    for name in listen.iter().chain(extra) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

pub(crate) fn generate(listen: IpAddr, extra_names: &[String]) -> io::Result<Certs> {
    let mut ca_params = CertificateParams::default();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name = names("Finesse Emulator CA");
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    ca_params.not_before = date_time_ymd(2024, 1, 1);
    ca_params.not_after = date_time_ymd(2050, 1, 1);
    let ca_key = KeyPair::generate().map_err(tls_error)?;
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).map_err(tls_error)?;

    let mut leaf_params =
        CertificateParams::new(subject_names(listen, extra_names)).map_err(tls_error)?;
    leaf_params.distinguished_name = names("localhost");
    leaf_params.is_ca = IsCa::NoCa;
    leaf_params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    leaf_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    leaf_params.use_authority_key_identifier_extension = true;
    leaf_params.not_before = date_time_ymd(2024, 1, 1);
    leaf_params.not_after = date_time_ymd(2050, 1, 1);
    let leaf_key = KeyPair::generate().map_err(tls_error)?;
    let leaf = leaf_params.signed_by(&leaf_key, &ca).map_err(tls_error)?;

    let chain = vec![leaf.der().clone(), CertificateDer::from(ca.der().to_vec())];
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(tls_error)?;
    let xmpp_config = Arc::new(config.clone());
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Certs {
        ca_pem: ca.pem(),
        server_config: Arc::new(config),
        xmpp_config,
    })
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    #[test]
    fn loopback_names_always_and_the_listen_address_when_specific() {
        let loopback = subject_names(IpAddr::V4(Ipv4Addr::LOCALHOST), &[]);
        assert_eq!(loopback, ["localhost", "127.0.0.1", "::1"]);
        let any = subject_names(
            IpAddr::V6(Ipv6Addr::UNSPECIFIED),
            &["finesse.test".to_owned()],
        );
        assert_eq!(any, ["localhost", "127.0.0.1", "::1", "finesse.test"]);
        let lan = subject_names("192.0.2.7".parse().expect("address"), &[]);
        assert_eq!(lan, ["localhost", "127.0.0.1", "::1", "192.0.2.7"]);
    }
}
