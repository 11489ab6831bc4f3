-- Logs every sign-in attempt's outcome with the user's name, so that the interop tests can
-- count how often a client signed in or tried to (a client that retries a refused password
-- forever would lock accounts; one that fights over a resource signs in again and again).
module:hook("authentication-failure", function(event)
	local handler = event.session.sasl_handler;
	module:log("info", "interop: authentication failure for %s (%s)",
		tostring(handler and handler.username), tostring(event.condition));
end);
module:hook("authentication-success", function(event)
	module:log("info", "interop: authentication success for %s", tostring(event.session.username));
end);
