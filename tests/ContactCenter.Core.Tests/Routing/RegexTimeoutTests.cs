using System.Diagnostics;
using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RegexTimeoutTests
{
    [Fact]
    public void CatastrophicPattern_TimesOutAsNoMatch_WithoutHanging()
    {
        var evil = Drafts.Rule("evil");
        evil.Patterns = ["^(a+)+$"];
        evil.Where = TextScope.Body;
        var fallback = Drafts.Rule("fallback");
        fallback.Words = ["aaaa"];
        var classifier = Drafts.Classifier(new RoutingOptions
        {
            Rules = [evil, fallback],
            RegexTimeout = TimeSpan.FromMilliseconds(50),
        });
        var draft = Drafts.Email("aaaa", new string('a', 5_000) + "!");

        var watch = Stopwatch.StartNew();
        var explanation = classifier.Explain(draft);
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        explanation.Result.RuleName.Should().Be("fallback");
        explanation.Rules[0].Failures.Should().ContainSingle().Which.Should().Contain("timed out");
    }
}
