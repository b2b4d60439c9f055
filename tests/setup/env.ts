// Every test file runs with the test environment's settings; nothing is sent anywhere but loopback.
process.env.NEXT_TELEMETRY_DISABLED = '1'
