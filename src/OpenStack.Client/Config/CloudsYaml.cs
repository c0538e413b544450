using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenStack.Client.Config
{
    public enum CloudConfigProblem
    {
        FileNotFound,
        Malformed,
        CloudNotFound,
    }

    public sealed class CloudConfigException : Exception
    {
        public CloudConfigException(CloudConfigProblem problem, string message, Exception? inner = null) : base(message, inner) => Problem = problem;

        public CloudConfigProblem Problem { get; }
    }

    /// <summary>
    /// Reads clouds.yaml (and secure.yaml beside it) from the places openstacksdk looks, in its order:
    /// OS_CLIENT_CONFIG_FILE, the current directory, ~/.config/openstack, /etc/openstack.
    /// </summary>
    public static class CloudsYaml
    {
        public static IReadOnlyList<string> SearchPaths(string fileName, string currentDirectory)
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var paths = new List<string>();
            var explicitFile = Environment.GetEnvironmentVariable(fileName == "secure.yaml" ? "OS_CLIENT_SECURE_FILE" : "OS_CLIENT_CONFIG_FILE");
            if (!string.IsNullOrEmpty(explicitFile)) paths.Add(explicitFile!);
            paths.Add(Path.Combine(currentDirectory, fileName));
            if (!string.IsNullOrEmpty(home)) paths.Add(Path.Combine(home, ".config", "openstack", fileName));
            paths.Add(Path.Combine("/etc/openstack", fileName));
            return paths;
        }

        /// <summary>The first clouds.yaml found, or null.</summary>
        public static string? Find(string currentDirectory) => SearchPaths("clouds.yaml", currentDirectory).FirstOrDefault(File.Exists);

        /// <summary>Names of the clouds in the clouds.yaml found (for tab completion); empty when there is none or it is malformed.</summary>
        public static IReadOnlyList<string> CloudNames(string currentDirectory)
        {
            var path = Find(currentDirectory);
            if (path == null) return Array.Empty<string>();
            try
            {
                return CloudsOf(path).Select(c => c.Key).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            }
            catch (CloudConfigException)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>The named cloud's settings, with secure.yaml's values laid over clouds.yaml's.</summary>
        public static CloudSettings Load(string cloudName, string currentDirectory)
        {
            var path = Find(currentDirectory) ?? throw new CloudConfigException(CloudConfigProblem.FileNotFound,
                $"No clouds.yaml was found for cloud '{cloudName}' (looked in: {string.Join(", ", SearchPaths("clouds.yaml", currentDirectory))}).");
            var clouds = CloudsOf(path);
            if (!clouds.TryGetValue(cloudName, out var cloud))
            {
                var known = clouds.Count == 0 ? "none" : string.Join(", ", clouds.Keys.OrderBy(k => k));
                throw new CloudConfigException(CloudConfigProblem.CloudNotFound, $"There is no cloud named '{cloudName}' in {path} (it has: {known}).");
            }
            var settings = new CloudSettings { Source = $"cloud '{cloudName}' of {path}" };
            Flatten(cloud, settings);
            var securePath = SearchPaths("secure.yaml", currentDirectory).FirstOrDefault(File.Exists);
            if (securePath != null && CloudsOf(securePath).TryGetValue(cloudName, out var secure)) Flatten(secure, settings);
            return settings;
        }

        private static Dictionary<string, YamlMappingNode> CloudsOf(string path)
        {
            YamlStream yaml;
            try
            {
                yaml = new YamlStream();
                using var reader = new StreamReader(path);
                yaml.Load(reader);
            }
            catch (Exception ex) when (ex is YamlException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CloudConfigException(CloudConfigProblem.Malformed, $"{path} cannot be read as YAML: {ex.Message}", ex);
            }
            var result = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
            if (yaml.Documents.Count == 0) return result;
            if (!(yaml.Documents[0].RootNode is YamlMappingNode root) ||
                !root.Children.TryGetValue(new YamlScalarNode("clouds"), out var cloudsNode) || !(cloudsNode is YamlMappingNode clouds))
            {
                throw new CloudConfigException(CloudConfigProblem.Malformed, $"{path} has no 'clouds:' mapping at its top.");
            }
            foreach (var entry in clouds.Children)
            {
                if (entry.Key is YamlScalarNode name && entry.Value is YamlMappingNode body) result[name.Value ?? string.Empty] = body;
                else throw new CloudConfigException(CloudConfigProblem.Malformed, $"{path}: the cloud '{entry.Key}' is not a mapping.");
            }
            return result;
        }

        /// <summary>Top-level scalars and those under "auth:" become settings (auth's keys are unique in practice).</summary>
        private static void Flatten(YamlMappingNode cloud, CloudSettings settings)
        {
            foreach (var entry in cloud.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value;
                if (key == null) continue;
                if (entry.Value is YamlScalarNode scalar) settings[key] = scalar.Value;
                else if (key == "auth" && entry.Value is YamlMappingNode auth)
                {
                    foreach (var a in auth.Children)
                    {
                        if (a.Key is YamlScalarNode k && a.Value is YamlScalarNode v) settings[k.Value!] = v.Value;
                    }
                }
            }
        }
    }
}
