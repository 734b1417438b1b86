/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Virtual Machine</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.VirtualMachine#getVcpus <em>Vcpus</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getMemoryMiB <em>Memory Mi B</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getGuest <em>Guest</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getDisks <em>Disks</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getNics <em>Nics</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getSanIdentity <em>San Identity</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getPowerState <em>Power State</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getCurrentHost <em>Current Host</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualMachine#getCheckpoints <em>Checkpoints</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getVirtualMachine()
 * @model
 * @generated
 */
public interface VirtualMachine extends Named {
	/**
	 * Returns the value of the '<em><b>Vcpus</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Vcpus</em>' attribute.
	 * @see #setVcpus(int)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_Vcpus()
	 * @model default="1"
	 * @generated
	 */
	int getVcpus();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getVcpus <em>Vcpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Vcpus</em>' attribute.
	 * @see #getVcpus()
	 * @generated
	 */
	void setVcpus(int value);

	/**
	 * Returns the value of the '<em><b>Memory Mi B</b></em>' attribute.
	 * The default value is <code>"64"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Memory Mi B</em>' attribute.
	 * @see #setMemoryMiB(long)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_MemoryMiB()
	 * @model default="64"
	 * @generated
	 */
	long getMemoryMiB();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getMemoryMiB <em>Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Memory Mi B</em>' attribute.
	 * @see #getMemoryMiB()
	 * @generated
	 */
	void setMemoryMiB(long value);

	/**
	 * Returns the value of the '<em><b>Guest</b></em>' attribute.
	 * The default value is <code>"kv"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Guest</em>' attribute.
	 * @see #setGuest(String)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_Guest()
	 * @model default="kv"
	 * @generated
	 */
	String getGuest();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getGuest <em>Guest</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Guest</em>' attribute.
	 * @see #getGuest()
	 * @generated
	 */
	void setGuest(String value);

	/**
	 * Returns the value of the '<em><b>Disks</b></em>' reference list.
	 * The list contents are of type {@link io.lockstep.model.VirtualDisk}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Disks</em>' reference list.
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_Disks()
	 * @model
	 * @generated
	 */
	EList<VirtualDisk> getDisks();

	/**
	 * Returns the value of the '<em><b>Nics</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Nic}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Nics</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_Nics()
	 * @model containment="true"
	 * @generated
	 */
	EList<Nic> getNics();

	/**
	 * Returns the value of the '<em><b>San Identity</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>San Identity</em>' containment reference.
	 * @see #setSanIdentity(SanIdentity)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_SanIdentity()
	 * @model containment="true"
	 * @generated
	 */
	SanIdentity getSanIdentity();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getSanIdentity <em>San Identity</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>San Identity</em>' containment reference.
	 * @see #getSanIdentity()
	 * @generated
	 */
	void setSanIdentity(SanIdentity value);

	/**
	 * Returns the value of the '<em><b>Power State</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.PowerState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Power State</em>' attribute.
	 * @see io.lockstep.model.PowerState
	 * @see #setPowerState(PowerState)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_PowerState()
	 * @model
	 * @generated
	 */
	PowerState getPowerState();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getPowerState <em>Power State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Power State</em>' attribute.
	 * @see io.lockstep.model.PowerState
	 * @see #getPowerState()
	 * @generated
	 */
	void setPowerState(PowerState value);

	/**
	 * Returns the value of the '<em><b>Current Host</b></em>' reference.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.Host#getVms <em>Vms</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Current Host</em>' reference.
	 * @see #setCurrentHost(Host)
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_CurrentHost()
	 * @see io.lockstep.model.Host#getVms
	 * @model opposite="vms"
	 * @generated
	 */
	Host getCurrentHost();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualMachine#getCurrentHost <em>Current Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Current Host</em>' reference.
	 * @see #getCurrentHost()
	 * @generated
	 */
	void setCurrentHost(Host value);

	/**
	 * Returns the value of the '<em><b>Checkpoints</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Checkpoint}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Checkpoints</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getVirtualMachine_Checkpoints()
	 * @model containment="true"
	 * @generated
	 */
	EList<Checkpoint> getCheckpoints();

} // VirtualMachine
