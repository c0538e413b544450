using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStack.Client.Image.V2;
using OpenStack.PowerShell.Completers;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Base of the cmdlets that act on existing images: they take names or ids (-Image), or image objects
    /// from the pipeline (-InputObject), and resolve each to one image before acting.
    /// </summary>
    public abstract class ImageTargetCmdlet : OpenStackCmdlet
    {
        protected const string NameOrIdSet = "NameOrId";
        protected const string ObjectSet = "Object";
        private ImageClient? _client;

        /// <summary>Image names or ids. A name must match exactly one image.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameOrIdSet, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Image { get; set; }

        /// <summary>Images from Get-OSImage.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Client.Image.V2.Image[]? InputObject { get; set; }

        protected override string ErrorNoun => "Image";

        protected ImageClient Client => _client ??= CreateClient(s => new ImageClient(s));

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var image in InputObject) ForEachInput(image, () => Process(image));
                return;
            }
            foreach (var nameOrId in Image ?? Array.Empty<string>())
            {
                ForEachInput(nameOrId, () => Process(Run(ct => Client.FindImageAsync(nameOrId, ct))));
            }
        }

        /// <summary>Acts on one resolved image; client exceptions become non-terminating errors.</summary>
        protected abstract void Process(Client.Image.V2.Image image);

        protected static string Describe(Client.Image.V2.Image image) => string.IsNullOrEmpty(image.Name) ? image.Id : $"{image.Name} ({image.Id})";
    }
}
