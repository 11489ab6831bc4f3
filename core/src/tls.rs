//! The TLS configurations of the REST client and of the notification transports (ureq for
//! REST and BOSH, rustls directly for WebSocket and TCP), from the same trust settings.
//!
//! What is trusted, in every language: the operating system's certificate store (where
//! contact centers put their private CA; `SSL_CERT_FILE` and `SSL_CERT_DIR` replace it, as
//! for OpenSSL), Mozilla's roots built into the library (so that a machine without a store
//! still verifies public certificates), and the CAs given in the configuration.

use std::sync::{Arc, Mutex, OnceLock};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

use crate::config::Config;
use crate::error::Error;
use crate::shared::{SharedCache, shared};

/// ureq's TLS settings: the trusted roots, or no verification when the caller switched it
/// off.
pub(crate) fn ureq_config(config: &Config) -> ureq::tls::TlsConfig {
    ureq::tls::TlsConfig::builder()
        .root_certs(trust(config).ureq_roots.clone())
        .disable_verification(config.accept_invalid_certs)
        .build()
}

/// A client configuration trusting the trusted roots, or, when the caller switched
/// verification off, anything.
pub(crate) fn client_config(config: &Config) -> Result<Arc<ClientConfig>, Error> {
    Ok(trust(config).rustls.clone())
}

/// What a configuration trusts, in the forms of ureq and rustls.
pub(crate) struct Trust {
    /// Shared by every agent given it (an `Arc` inside).
    ureq_roots: ureq::tls::RootCerts,
    rustls: Arc<ClientConfig>,
}

/// The trust of `config`, shared by every configuration with the same CAs and verification
/// setting while one is alive (each client holds its own): a few hundred roots take some
/// hundred KiB, too much to hold for each of the thousands of clients a process may run for a
/// floor of agents.
pub(crate) fn trust(config: &Config) -> Arc<Trust> {
    type Key = (Vec<CertificateDer<'static>>, bool);
    static CACHE: SharedCache<Key, Trust> = Mutex::new(Vec::new());
    let key = (config.ca_certs.clone(), config.accept_invalid_certs);
    shared(&CACHE, key, || Trust {
        ureq_roots: ureq::tls::RootCerts::from(
            trusted_roots(config)
                .map(|der| ureq::tls::Certificate::from_der(der.as_ref()).to_owned())
                .collect::<Vec<_>>(),
        ),
        rustls: rustls_config(config),
    })
}

fn rustls_config(config: &Config) -> Arc<ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        // The ring provider supports the default versions: this cannot fail.
        .expect("the ring provider supports TLS 1.2 and 1.3");
    let tls = if config.accept_invalid_certs {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnything(provider)))
            .with_no_client_auth()
    } else {
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(trusted_roots(config).cloned());
        builder.with_root_certificates(roots).with_no_client_auth()
    };
    Arc::new(tls)
}

/// The roots a configuration trusts: the operating system's, Mozilla's, and its own CAs
/// (already checked to parse by the configuration builder).
fn trusted_roots(config: &Config) -> impl Iterator<Item = &CertificateDer<'static>> {
    os_roots()
        .iter()
        .chain(webpki_root_certs::TLS_SERVER_ROOT_CERTS)
        .chain(config.ca_certs.iter())
}

/// The operating system's roots, read once per process: reading the store takes a few
/// milliseconds, too much for every client of a process that serves a whole floor.
fn os_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let found = rustls_native_certs::load_native_certs();
        for e in &found.errors {
            // An unreadable store is not fatal: Mozilla's roots and the configured CAs remain.
            log::warn!("cannot read the operating system's certificate store: {e}");
        }
        log::debug!(
            "trusting {} certificates of the operating system's store",
            found.certs.len()
        );
        found.certs
    })
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
