using System.Management.Automation;
using SpApi.Core.Workflows;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Shows where a customer-invoice range read stands on a progress bar.</summary>
internal static class RangeProgress
{
    public static void Apply(ProgressRecord record, CustomerInvoiceRangeProgress progress)
    {
        var window = Math.Min(progress.WindowsDone + 1, progress.WindowsTotal);
        record.StatusDescription =
            $"Window {window} of {progress.WindowsTotal} ({progress.Window.CreatedAfter:u} to {progress.Window.CreatedBefore:u}), {progress.Invoices} invoices so far";
        record.PercentComplete = progress.WindowsDone * 100 / progress.WindowsTotal;
        record.CurrentOperation = null;
    }
}
