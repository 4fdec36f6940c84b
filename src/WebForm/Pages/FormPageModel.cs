using ContactCenter.WebForm.Submission;

namespace ContactCenter.WebForm.Pages;

/// <summary>What the form page shows: the citizen's input and errors when sent back, the tokens, the choices.</summary>
internal sealed record FormPageModel(
    FormInput Input,
    IReadOnlyList<FieldError> Errors,
    string FormToken,
    string AntiforgeryField,
    string AntiforgeryToken,
    IReadOnlyList<string> Topics,
    WebFormOptions Options,
    string PathBase,
    string SiteName);
