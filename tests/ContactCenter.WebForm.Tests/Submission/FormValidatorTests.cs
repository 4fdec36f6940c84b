using ContactCenter.Core.Routing;
using ContactCenter.WebForm.Submission;
using ContactCenter.WebForm.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Tests.Submission;

public sealed class FormValidatorTests
{
    private static readonly WebFormOptions Options = new() { MaxAttachments = 3, MaxAttachmentBytes = 1000 };

    private static FormValidator Validator()
    {
        var routing = new RoutingOptions { Rules = [new RoutingRule { Name = "a", Category = "allerta meteo" }, new RoutingRule { Name = "b", Category = "altro" }] };
        return new FormValidator(Microsoft.Extensions.Options.Options.Create(Options), new TopicList(Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(routing)));
    }

    private static FormInput Valid() => new()
    {
        FirstName = " Mario ", LastName = "Rossi", Email = "mario.rossi@example.it", Subject = "Oggetto", Text = "Riga uno\r\nRiga due",
        Topic = "allerta meteo", Consent = true,
    };

    [Fact]
    public void Validate_ValidInput_NoErrorsAndTextCleaned()
    {
        var input = Valid();
        var (errors, _) = Validator().Validate(input);

        errors.Should().BeEmpty();
        input.FirstName.Should().Be("Mario");
        input.Text.Should().Be("Riga uno\nRiga due");
    }

    [Theory]
    [InlineData("RSSMRA80A01H501U", true)]
    [InlineData("rssmra80a01h501u", true)]
    [InlineData("RSSMRA80A01H501X", false)]
    [InlineData("RSSMRA80A01H50", false)]
    [InlineData("", true)]
    public void Validate_FiscalCode_CheckedWithItsControlCharacter(string code, bool valid)
    {
        var input = Valid();
        input.FiscalCode = code;
        var (errors, _) = Validator().Validate(input);

        errors.Any(e => e.Field == FormFields.FiscalCode).Should().Be(!valid);
    }

    [Theory]
    [InlineData("mario@example")]
    [InlineData("Mario <mario@example.it>")]
    [InlineData("mario@@example.it")]
    [InlineData("mario@example.it\r\nBcc: x@example.it")]
    public void Validate_BadEmail_Refused(string email)
    {
        var input = Valid();
        input.Email = email;
        Validator().Validate(input).Errors.Should().Contain(e => e.Field == FormFields.Email);
    }

    [Fact]
    public void Validate_TopicNotFromTheRules_Refused()
    {
        var input = Valid();
        input.Topic = "<script>";
        Validator().Validate(input).Errors.Should().ContainSingle(e => e.Field == FormFields.Topic);
    }

    [Fact]
    public void Validate_Attachments_AllowListContentAndLimits()
    {
        var input = Valid();
        input.Files = [new UploadedFile("foto.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]), new UploadedFile("..\\..\\lettera.txt", "Ciao\n"u8.ToArray())];
        var (errors, files) = Validator().Validate(input);
        errors.Should().BeEmpty();
        files.Select(f => (f.FileName, f.ContentType)).Should().Equal(("foto.png", "image/png"), ("lettera.txt", "text/plain"));

        input.Files = [new UploadedFile("programma.exe", TestFiles.Executable()[..900]), new UploadedFile("finto.pdf", TestFiles.Executable()[..900]),
            new UploadedFile("grande.pdf", TestFiles.Pdf(new string('x', 1000)))];
        Validator().Validate(input).Errors.Select(e => e.Message).Should().Equal(
            "Il file «programma.exe» non è di un tipo ammesso (PDF, JPG, JPEG, PNG, TIF, TIFF, TXT).",
            "Il file «finto.pdf» non è un vero file PDF: il contenuto non corrisponde all'estensione.",
            "Il file «grande.pdf» supera la dimensione massima di 1 KB.");

        input.Files = [new UploadedFile("finto.txt", TestFiles.Executable()[..900])];
        Validator().Validate(input).Errors.Should().ContainSingle().Which.Message.Should().Contain("non è un vero file TXT");

        input.Files = [.. Enumerable.Range(0, 4).Select(i => new UploadedFile($"{i}.pdf", TestFiles.Pdf()))];
        Validator().Validate(input).Errors.Should().ContainSingle().Which.Message.Should().Be("Può allegare al massimo 3 file (ne ha scelti 4).");
    }

    [Fact]
    public void Validate_Empty_EveryRequiredFieldNamedInItalian()
    {
        var (errors, _) = Validator().Validate(new FormInput());
        errors.Select(e => e.Field).Should().Equal(FormFields.FirstName, FormFields.LastName, FormFields.Email, FormFields.Subject, FormFields.Text, FormFields.Topic, FormFields.Consent);
        errors.Should().OnlyContain(e => e.Message.EndsWith('.'));
    }
}
