namespace SpApi.PowerShell.Infrastructure;

/// <summary>Where each cmdlet's online help lives (Get-Help -Online): its help source in the repository.</summary>
internal static class HelpLinks
{
    /// <summary>The manifest's ProjectUri + /blob/main/docs/help/; Help.Tests.ps1 checks that every HelpUri is this plus the cmdlet's name.</summary>
    public const string Root = "https://github.com/spapi-powershell/SpApi/blob/main/docs/help/";
}
