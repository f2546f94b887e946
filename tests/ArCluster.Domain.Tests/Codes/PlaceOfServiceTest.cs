using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class PlaceOfServiceTest
{
    [Theory]
    [InlineData("11")] // office
    [InlineData("02")] // telehealth other than in the patient's home
    [InlineData("10")] // telehealth in the patient's home
    [InlineData("22")] // on-campus outpatient hospital
    [InlineData("99")] // other place of service
    public void CMS_place_of_service_codes_are_accepted(string raw) =>
        Assert.True(PlaceOfService.TryParse(raw, out var place, out _) && place.ToString() == raw);

    [Theory]
    [InlineData("00")]
    [InlineData("1")]
    [InlineData("011")]
    [InlineData("AB")]
    [InlineData("")]
    public void Anything_but_two_digits_from_01_to_99_is_rejected(string raw)
    {
        Assert.False(PlaceOfService.TryParse(raw, out _, out var error));
        Assert.Contains("11 for office", error, StringComparison.Ordinal);
    }
}
