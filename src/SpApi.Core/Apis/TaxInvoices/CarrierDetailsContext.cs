using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's CarrierDetailsContext: the carrier that moves the goods, as the NF-e names it.</summary>
public sealed class CarrierDetailsContext
{
    /// <summary>The only contextType the model has; sent with every carrier.</summary>
    public const string ContextTypeName = "CarrierDetailsContext";

    /// <summary>The name of the carrier, as registered with state and federal tax authorities.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The address of the carrier, as registered with state and federal tax authorities.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    /// <summary>The type of additional information: CarrierDetailsContext.</summary>
    [JsonPropertyName("contextType")]
    public string ContextType { get; set; } = ContextTypeName;

    /// <summary>The tax identification number of the carrier (CNPJ or CPF).</summary>
    [JsonPropertyName("federalTaxId")]
    public string? FederalTaxId { get; set; }

    /// <summary>The code of the federal subdivision in which the carrier is registered, for example SP.</summary>
    [JsonPropertyName("regionCode")]
    public string? RegionCode { get; set; }

    /// <summary>The regional tax registration number of the carrier.</summary>
    [JsonPropertyName("regionTaxId")]
    public string? RegionTaxId { get; set; }

    /// <summary>The identifier for the carrier vehicle, as printed on its registration plate.</summary>
    [JsonPropertyName("vehicleLicensePlate")]
    public string? VehicleLicensePlate { get; set; }

    /// <summary>The code of the federal subdivision in which the carrier vehicle is registered.</summary>
    [JsonPropertyName("vehicleRegistrationRegionCode")]
    public string? VehicleRegistrationRegionCode { get; set; }

    /// <summary>Whether any detail is given; a carrier with none is not sent.</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        new[] { Name, Address, FederalTaxId, RegionCode, RegionTaxId, VehicleLicensePlate, VehicleRegistrationRegionCode }.All(string.IsNullOrWhiteSpace);
}
