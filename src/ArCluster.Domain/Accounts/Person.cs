namespace ArCluster.Domain.Accounts;

/// <summary>A patient or guarantor. Protected health information: its text form is redacted so it cannot leak into logs.</summary>
public sealed record Person(string FirstName, string LastName, DateOnly? DateOfBirth)
{
    public override string ToString() => "Person { redacted }";
}
