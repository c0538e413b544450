using OpenStack.Client.Identity.V3;

namespace OpenStack.Client.Auth
{
    /// <summary>Chooses a service's URL from the catalog by type, interface and region, as keystoneauth does.</summary>
    internal static class EndpointSelector
    {
        public static Uri Select(IReadOnlyList<CatalogService> catalog, string serviceType, string endpointInterface, string? region)
        {
            var wantedInterface = NormalizeInterface(endpointInterface);
            var services = catalog.Where(s => string.Equals(s.Type, serviceType, StringComparison.OrdinalIgnoreCase)).ToList();
            if (services.Count == 0)
            {
                var types = string.Join(", ", catalog.Select(s => s.Type).Distinct().OrderBy(t => t));
                throw new EndpointNotFoundException($"The cloud's catalog has no '{serviceType}' service (it has: {types}).");
            }
            var endpoints = services.SelectMany(s => s.Endpoints)
                .Where(e => string.Equals(NormalizeInterface(e.Interface), wantedInterface, StringComparison.OrdinalIgnoreCase))
                .Where(e => string.IsNullOrEmpty(region) ||
                            string.Equals(e.RegionId, region, StringComparison.OrdinalIgnoreCase) ||
                            string.Equals(e.Region, region, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (endpoints.Count == 0)
            {
                var available = string.Join(", ", services.SelectMany(s => s.Endpoints).Select(e => $"{e.Interface}/{e.RegionId ?? e.Region}"));
                throw new EndpointNotFoundException(
                    $"The '{serviceType}' service has no {wantedInterface} endpoint{(region == null ? "" : $" in region '{region}'")} (it has: {available}).");
            }
            return new Uri(endpoints[0].Url.TrimEnd('/') + "/");
        }

        /// <summary>"publicURL", "public" and "PUBLIC" all mean the same (clouds.yaml and old openrc files use the first).</summary>
        public static string NormalizeInterface(string value)
        {
            var v = value.Trim().ToLowerInvariant();
            return v.EndsWith("url", StringComparison.Ordinal) ? v.Substring(0, v.Length - 3) : v;
        }
    }

    public sealed class EndpointNotFoundException : OpenStackException
    {
        public EndpointNotFoundException(string message) : base(message) { }
    }
}
