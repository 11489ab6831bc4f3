//! Choosing a release profile: the configuration, the Rust control API, the HTTP control
//! API and the binary's `--release` flag (`--ccx` a synonym of `--release ccx-12.5`). What
//! each profile changes is asserted in `conformance.rs`.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{Client, fast, start};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig, Release};
use ureq::tls::TlsConfig;

fn control(emulator: &Emulator) -> Client {
    Client::with_tls(emulator.control_url(), TlsConfig::default())
}

fn json(c: &Client, method: &str, path: &str, body: &str) -> common::Resp {
    c.request(
        method,
        path,
        &[("Content-Type", "application/json".to_owned())],
        body,
    )
}

fn deployment_type(client: &Client) -> String {
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    r.field("deploymentType").unwrap_or_default()
}

#[test]
fn names_parse_and_print() {
    for r in Release::ALL {
        assert_eq!(r.as_str().parse::<Release>(), Ok(r));
        assert_eq!(r.to_string(), r.as_str());
    }
    assert_eq!("CCE-12.6".parse::<Release>(), Ok(Release::Cce12_6));
    let err = "cce-13.0".parse::<Release>().unwrap_err();
    assert!(err.to_string().contains("cce-11.6, cce-12.0"), "{err}");
    assert_eq!(Release::default(), Release::Cce12_5);
    assert_eq!(Release::Ccx12_5.deployment(), Deployment::Ccx);
    assert_eq!(Release::Cce11_6.deployment(), Deployment::Cce);
}

#[test]
fn the_default_is_cce_12_5_and_the_rust_api_switches() {
    let (emulator, client) = start(fast());
    assert_eq!(emulator.release(), Release::Cce12_5);
    assert_eq!(deployment_type(&client), "UCCE");
    emulator.set_release(Release::Ccx12_5);
    assert_eq!(deployment_type(&client), "UCCX");
    emulator.set_release(Release::Cce11_6);
    assert_eq!(emulator.release(), Release::Cce11_6);
    assert_eq!(deployment_type(&client), "UCCE");
    // A bare platform stands for its 12.5.
    emulator.set_deployment(Deployment::Ccx);
    assert_eq!(emulator.release(), Release::Ccx12_5);
    let emulator = Emulator::start(EmulatorConfig::new().release(Release::Cce12_0)).unwrap();
    assert_eq!(emulator.release(), Release::Cce12_0);
}

#[test]
fn the_control_api_switches_and_reports() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    let info: serde_json::Value = serde_json::from_str(&json(&c, "GET", "/info", "").body).unwrap();
    assert_eq!(info["release"], "cce-12.5");
    assert_eq!(info["deployment"], "CCE");
    let r = json(&c, "PUT", "/release", r#"{"release":"ccx-12.5"}"#);
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(deployment_type(&client), "UCCX");
    let info: serde_json::Value = serde_json::from_str(&json(&c, "GET", "/info", "").body).unwrap();
    assert_eq!(info["release"], "ccx-12.5");
    assert_eq!(info["deployment"], "CCX");
    assert_eq!(
        json(&c, "PUT", "/release", r#"{"release":"cce-12.6"}"#).status,
        204
    );
    assert_eq!(emulator.release(), Release::Cce12_6);
    let r = json(&c, "PUT", "/release", r#"{"release":"cce-9.1"}"#);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("unknown release"), "{}", r.body);
    assert_eq!(emulator.release(), Release::Cce12_6);
    // PUT /deployment picks the platform's 12.5.
    assert_eq!(
        json(&c, "PUT", "/deployment", r#"{"deployment":"CCE"}"#).status,
        204
    );
    assert_eq!(emulator.release(), Release::Cce12_5);
}

/// Starts the binary with `args`, reads the REST URL it prints, and returns SystemInfo.
fn binary_system_info(args: &[&str]) -> Result<String, String> {
    binary_get(args, "/finesse/api/SystemInfo")
}

/// Starts the binary with `args`, reads the REST URL it prints, and GETs `path` as agent
/// 1001.
fn binary_get(args: &[&str], path: &str) -> Result<String, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_finesse-emulator"))
        .args(["--http", "--forced-logout-secs", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let first = BufReader::new(stdout).lines().next();
    let Some(Ok(line)) = first else {
        let out = child.wait_with_output().expect("exits");
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    };
    let base = line.split_whitespace().last().expect("url").to_owned();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let body = agent
        .get(format!("{base}{path}"))
        .header("Authorization", common::basic("1001", "secret1001"))
        .call()
        .expect("served")
        .body_mut()
        .read_to_string()
        .expect("body");
    child.kill().expect("stopped");
    child.wait().ok();
    Ok(body)
}

#[test]
fn the_binary_takes_release_and_ccx() {
    let body = binary_system_info(&["--release", "ccx-12.5"]).unwrap();
    assert!(body.contains("<deploymentType>UCCX</deploymentType>"));
    let body = binary_system_info(&["--release", "cce-11.6"]).unwrap();
    assert!(body.contains("<deploymentType>UCCE</deploymentType>"));
    let err = binary_system_info(&["--release", "cce-99"]).unwrap_err();
    assert!(err.contains("unknown release"), "{err}");
    let err = binary_system_info(&["--ccx", "--release", "cce-12.5"]).unwrap_err();
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn the_binary_takes_the_other_fidelity_flags() {
    // --no-reason-codes: ReasonCodes lists none.
    let path = "/finesse/api/User/1001/ReasonCodes?category=NOT_READY";
    let body = binary_get(&["--no-reason-codes"], path).unwrap();
    assert!(!body.contains("<ReasonCode>"), "{body}");
    let body = binary_get(&[], path).unwrap();
    assert!(body.contains("<ReasonCode>"), "{body}");
    // --wrap-up-secs takes a number of seconds.
    assert!(binary_system_info(&["--wrap-up-secs", "30"]).is_ok());
    let err = binary_system_info(&["--wrap-up-secs", "soon"]).unwrap_err();
    assert!(err.contains("invalid value"), "{err}");
}
