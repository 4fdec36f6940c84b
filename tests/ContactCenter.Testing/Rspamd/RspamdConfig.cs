namespace ContactCenter.Testing.Rspamd;

/// <summary>
/// The private overrides for Debian's rspamd: our ports on loopback, one normal worker and the controller (with its
/// password), no proxy or fuzzy worker, Bayes in our private redis learning from one message, DNS pointed at a closed
/// port with a short timeout (no network here: RBL and SPF lookups fail fast instead of holding every check).
/// </summary>
internal static class RspamdConfig
{
    public static IReadOnlyDictionary<string, string> Files(string root, int normalPort, int controllerPort, int redisPort, string password) =>
        new Dictionary<string, string>
        {
            ["override.d/worker-normal.inc"] = $"bind_socket = \"127.0.0.1:{normalPort}\";\ncount = 1;\n",
            ["override.d/worker-controller.inc"] =
                $"bind_socket = \"127.0.0.1:{controllerPort}\";\ncount = 1;\npassword = \"{password}\";\nenable_password = \"{password}\";\nsecure_ip = [];\n",
            ["override.d/worker-proxy.inc"] = "enabled = false;\n",
            ["override.d/worker-fuzzy.inc"] = "enabled = false;\n",
            ["override.d/logging.inc"] = $"type = \"file\";\nfilename = \"{Path.Combine(root, "rspamd.log")}\";\nlevel = \"notice\";\n",
            ["local.d/redis.conf"] = $"servers = \"127.0.0.1:{redisPort}\";\n",
            ["local.d/classifier-bayes.conf"] = "backend = \"redis\";\nmin_learns = 1;\n",
            ["local.d/options.inc"] = "dns { nameserver = [\"127.0.0.1:1\"]; timeout = 0.1s; retransmits = 1; }\n",
        };
}
