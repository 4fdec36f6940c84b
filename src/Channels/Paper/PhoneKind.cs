namespace ContactCenter.Channels.Paper;

internal enum PhoneKind
{
    Phone,
    Fax,
}
