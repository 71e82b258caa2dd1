using SpApi.Core.Paging;
using Xunit;

namespace SpApi.Tests.Core;

/// <summary>The one page-size check: the bounds are the model's, and the message names the parameter users see.</summary>
public sealed class PageSizeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(100)]
    public void ASizeWithinTheBoundsOrNonePasses(int? size) => PageSize.Check(size, 100, "getInvoicesExports");

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void ASizeOutsideTheBoundsNamesTheParameterTheBoundsAndTheModel(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PageSize.Check(size, 200, "getInvoices"));

        Assert.Equal("PageSize", error.ParamName);
        Assert.Equal(size, error.ActualValue);
        Assert.StartsWith("PageSize must be between 1 and 200, the bounds the getInvoices model gives its page size.", error.Message);
    }
}
