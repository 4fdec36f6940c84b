using System.Globalization;

namespace ContactCenter.Testing.Dovecot;

/// <summary>The private dovecot.conf of a test server: loopback only, its own run/state folders, plain and TLS ports.</summary>
internal static class DovecotConfig
{
    /// <param name="oauth2Config">With it, XOAUTH2 and OAUTHBEARER logins are checked by the oauth2 passdb this file configures.</param>
    public static string Render(string root, int imap, int imaps, int pop3, int pop3s, bool tls, string? oauth2Config = null)
    {
        string P(int port) => port.ToString(CultureInfo.InvariantCulture);
        var ssl = tls
            ? $"ssl = yes\nssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem\n"
            : "ssl = no\n";
        return $$"""
            protocols = imap pop3
            listen = 127.0.0.1
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            info_log_path = {{root}}/dovecot.log
            {{ssl}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login{{(oauth2Config is null ? "" : " xoauth2 oauthbearer")}}
            auth_failure_delay = 0
            first_valid_uid = 8
            mail_location = maildir:{{root}}/mail/%u/Maildir
            pop3_uidl_format = %08Xu%08Xv
            # IDLE learns of new mail through inotify and falls back to checking every 30 s when it cannot (inotify
            # instances used up by parallel suites): the likely reason one IDLE test here waited out its 30 s once.
            mailbox_idle_check_interval = 1 secs
            # Quotas as providers set them (a PEC mailbox holds 1-2 GB): 10 GiB unless a user's passwd line says less.
            mail_plugins = $mail_plugins quota
            protocol imap {
              mail_plugins = $mail_plugins imap_quota
            }
            plugin {
              quota = count:Casella
              quota_vsizes = yes
              quota_rule = *:storage=10G
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/passwd
              {{(oauth2Config is null ? "" : "mechanisms = plain login")}}
            }
            {{(oauth2Config is null ? "" : OAuth2PassDb(oauth2Config))}}
            userdb {
              driver = static
              args = uid=mail gid=mail home={{root}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{P(imap)}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{P(tls ? imaps : 0)}}
                ssl = yes
              }
            }
            service pop3-login {
              inet_listener pop3 {
                address = 127.0.0.1
                port = {{P(pop3)}}
              }
              inet_listener pop3s {
                address = 127.0.0.1
                port = {{P(tls ? pop3s : 0)}}
                ssl = yes
              }
            }
            """;
    }

    /// <summary>The oauth2 passdb's own file: every token is checked by POSTing it to the test token server's introspection URL.</summary>
    public static string RenderOAuth2(string introspectionUrl) => $"""
        introspection_mode = post
        introspection_url = {introspectionUrl}
        force_introspection = yes
        username_attribute = username
        active_attribute = active
        active_value = true

        """;

    private static string OAuth2PassDb(string path) => $"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {path}\n}}\n";
}
