# One template bakes either tier: an Amazon Linux 2023 image with the JDK, the CloudWatch
# agent, the tier's extracted jar and its AOT cache, and a systemd unit that starts it.
# Everything static is baked here; where the database, queue and bucket are is written by
# the launch template's user data at boot (see README.md, "Static and dynamic").

locals {
  # The size the tier runs on (infra: t4g.small), so the AOT training run sees that machine.
  default_instance_type = var.arch == "arm64" ? "t4g.small" : "t3.small"
  instance_type         = var.instance_type != "" ? var.instance_type : local.default_instance_type

  # One AMI per tier, version and architecture; the timestamp keeps rebuilds apart.
  ami_name = "orders-${var.tier}-${var.version}-${var.arch}-${formatdate("YYYYMMDDhhmmss", timestamp())}"

  # Where the file provisioners put what provision.sh installs; it is deleted at the end.
  bake_dir = "/tmp/orders-bake"
}

source "amazon-ebs" "orders" {
  region        = var.region
  subnet_id     = var.subnet_id
  instance_type = local.instance_type
  ssh_username  = "ec2-user"

  ami_name        = local.ami_name
  ami_description = "orders ${var.tier} ${var.version} (${var.arch}) on Amazon Linux 2023"

  source_ami_filter {
    filters = {
      name                = "al2023-ami-${var.base_release}-kernel-6.1-${var.arch}"
      architecture        = var.arch
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = ["amazon"]
    most_recent = true
  }

  # The build instance answers IMDSv2 only, like the instances launched from the image.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  # Instances launched from the AMI default to IMDSv2 too, even without a launch template.
  imds_support = "v2.0"

  # Encrypted gp3, so the AMI's snapshot is encrypted (with the account's default EBS key).
  # 8 GiB is the base image's size; the launch template grows the volume to 16 GiB.
  launch_block_device_mappings {
    device_name           = "/dev/xvda"
    volume_size           = 8
    volume_type           = "gp3"
    encrypted             = true
    delete_on_termination = true
  }

  tags = {
    Name    = local.ami_name
    Tier    = var.tier
    Version = var.version
    Arch    = var.arch
    BaseAMI = "{{ .SourceAMIName }}"
  }
  snapshot_tags = {
    Tier    = var.tier
    Version = var.version
    Arch    = var.arch
  }
  run_tags = {
    Name = "packer-orders-${var.tier}-${var.version}"
  }
}

build {
  sources = ["source.amazon-ebs.orders"]

  provisioner "shell" {
    inline = ["mkdir -p ${local.bake_dir}"]
  }

  # The jar built by `./mvnw -DskipTests package` in this repository.
  provisioner "file" {
    source      = "${path.root}/../${var.tier}/target/${var.tier}.jar"
    destination = "${local.bake_dir}/${var.tier}.jar"
  }

  # The systemd units and the CloudWatch agent's configuration.
  provisioner "file" {
    source      = "${path.root}/files"
    destination = local.bake_dir
  }

  # provision.sh and the helper scripts it installs (resolve-db-env).
  provisioner "file" {
    source      = "${path.root}/scripts"
    destination = local.bake_dir
  }

  provisioner "shell" {
    script          = "${path.root}/scripts/provision.sh"
    execute_command = "chmod +x {{ .Path }}; sudo env {{ .Vars }} bash {{ .Path }}"
    environment_vars = [
      "TIER=${var.tier}",
      "SRC=${local.bake_dir}",
      "JAVA_PACKAGE=${var.java_package}",
      "CLOUDWATCH_AGENT_PACKAGE=${var.cloudwatch_agent_package}",
    ]
  }

  # The temporary key Packer logged in with must not let anyone into instances of the image.
  provisioner "shell" {
    inline = ["rm -f /home/ec2-user/.ssh/authorized_keys"]
  }

  # A workflow reads builds[-1].artifact_id ("region:ami-id") from this file.
  post-processor "manifest" {
    output = "${path.root}/manifest.json"
    custom_data = {
      tier    = var.tier
      arch    = var.arch
      version = var.version
    }
  }
}
