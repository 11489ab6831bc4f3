//! The TLS configurations of the REST client and of the notification transports (ureq for
//! REST and BOSH, rustls directly for WebSocket and TCP), from the same trust settings.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

use crate::config::Config;
use crate::error::Error;

/// ureq's TLS settings: Mozilla's roots plus the configured CAs, or no verification when the
/// caller switched it off.
pub(crate) fn ureq_config(config: &Config) -> ureq::tls::TlsConfig {
    use ureq::tls::{Certificate, RootCerts, TlsConfig};
    let root_certs = if config.ca_certs.is_empty() {
        RootCerts::WebPki
    } else {
        // "In addition to the built-in roots": Mozilla's roots plus the caller's CAs.
        let builtin = webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|der| Certificate::from_der(der.as_ref()));
        let extra = config
            .ca_certs
            .iter()
            .map(|der| Certificate::from_der(der).to_owned());
        RootCerts::from(builtin.chain(extra).collect::<Vec<_>>())
    };
    TlsConfig::builder()
        .root_certs(root_certs)
        .disable_verification(config.accept_invalid_certs)
        .build()
}

/// A client configuration trusting Mozilla's roots plus the configured CAs, or, when the
/// caller switched verification off, anything.
pub(crate) fn client_config(config: &Config) -> Result<Arc<ClientConfig>, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Tls {
            message: e.to_string(),
        })?;
    let tls = if config.accept_invalid_certs {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnything(provider)))
            .with_no_client_auth()
    } else {
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned());
        let (_, rejected) = roots.add_parsable_certificates(
            config
                .ca_certs
                .iter()
                .map(|der| CertificateDer::from(der.clone())),
        );
        if rejected > 0 {
            return Err(Error::invalid(
                "ca_pem",
                format!("{rejected} CA certificate(s) could not be parsed"),
            ));
        }
        builder.with_root_certificates(roots).with_no_client_auth()
    };
    Ok(Arc::new(tls))
}

/// The verifier behind `danger_accept_invalid_certs`: any certificate, any name. Signatures
/// are still checked, so the session at least talks to the holder of the key it was shown.
#[derive(Debug)]
struct AcceptAnything(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnything {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
