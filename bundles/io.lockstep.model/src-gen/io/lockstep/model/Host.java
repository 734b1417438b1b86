/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Host</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Host#getAddress <em>Address</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getCpus <em>Cpus</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getMemoryMiB <em>Memory Mi B</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getConnectionState <em>Connection State</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getHeartbeatSlot <em>Heartbeat Slot</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getDatastores <em>Datastores</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getVms <em>Vms</em>}</li>
 *   <li>{@link io.lockstep.model.Host#getCommittedMemoryMiB <em>Committed Memory Mi B</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getHost()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='memoryNotOvercommitted'"
 * @generated
 */
public interface Host extends Named {
	/**
	 * Returns the value of the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Address</em>' attribute.
	 * @see #setAddress(String)
	 * @see io.lockstep.model.LockstepPackage#getHost_Address()
	 * @model
	 * @generated
	 */
	String getAddress();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Host#getAddress <em>Address</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Address</em>' attribute.
	 * @see #getAddress()
	 * @generated
	 */
	void setAddress(String value);

	/**
	 * Returns the value of the '<em><b>Cpus</b></em>' attribute.
	 * The default value is <code>"2"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Cpus</em>' attribute.
	 * @see #setCpus(int)
	 * @see io.lockstep.model.LockstepPackage#getHost_Cpus()
	 * @model default="2"
	 * @generated
	 */
	int getCpus();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Host#getCpus <em>Cpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Cpus</em>' attribute.
	 * @see #getCpus()
	 * @generated
	 */
	void setCpus(int value);

	/**
	 * Returns the value of the '<em><b>Memory Mi B</b></em>' attribute.
	 * The default value is <code>"4096"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Memory Mi B</em>' attribute.
	 * @see #setMemoryMiB(long)
	 * @see io.lockstep.model.LockstepPackage#getHost_MemoryMiB()
	 * @model default="4096"
	 * @generated
	 */
	long getMemoryMiB();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Host#getMemoryMiB <em>Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Memory Mi B</em>' attribute.
	 * @see #getMemoryMiB()
	 * @generated
	 */
	void setMemoryMiB(long value);

	/**
	 * Returns the value of the '<em><b>Connection State</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.ConnectionState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Connection State</em>' attribute.
	 * @see io.lockstep.model.ConnectionState
	 * @see #setConnectionState(ConnectionState)
	 * @see io.lockstep.model.LockstepPackage#getHost_ConnectionState()
	 * @model
	 * @generated
	 */
	ConnectionState getConnectionState();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Host#getConnectionState <em>Connection State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Connection State</em>' attribute.
	 * @see io.lockstep.model.ConnectionState
	 * @see #getConnectionState()
	 * @generated
	 */
	void setConnectionState(ConnectionState value);

	/**
	 * Returns the value of the '<em><b>Heartbeat Slot</b></em>' attribute.
	 * The default value is <code>"-1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Heartbeat Slot</em>' attribute.
	 * @see #setHeartbeatSlot(int)
	 * @see io.lockstep.model.LockstepPackage#getHost_HeartbeatSlot()
	 * @model default="-1"
	 * @generated
	 */
	int getHeartbeatSlot();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Host#getHeartbeatSlot <em>Heartbeat Slot</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Heartbeat Slot</em>' attribute.
	 * @see #getHeartbeatSlot()
	 * @generated
	 */
	void setHeartbeatSlot(int value);

	/**
	 * Returns the value of the '<em><b>Datastores</b></em>' reference list.
	 * The list contents are of type {@link io.lockstep.model.Datastore}.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.Datastore#getHosts <em>Hosts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Datastores</em>' reference list.
	 * @see io.lockstep.model.LockstepPackage#getHost_Datastores()
	 * @see io.lockstep.model.Datastore#getHosts
	 * @model opposite="hosts"
	 * @generated
	 */
	EList<Datastore> getDatastores();

	/**
	 * Returns the value of the '<em><b>Vms</b></em>' reference list.
	 * The list contents are of type {@link io.lockstep.model.VirtualMachine}.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.VirtualMachine#getCurrentHost <em>Current Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Vms</em>' reference list.
	 * @see io.lockstep.model.LockstepPackage#getHost_Vms()
	 * @see io.lockstep.model.VirtualMachine#getCurrentHost
	 * @model opposite="currentHost"
	 * @generated
	 */
	EList<VirtualMachine> getVms();

	/**
	 * Returns the value of the '<em><b>Committed Memory Mi B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The memory of the VMs that run on this host.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Committed Memory Mi B</em>' attribute.
	 * @see io.lockstep.model.LockstepPackage#getHost_CommittedMemoryMiB()
	 * @model transient="true" changeable="false" volatile="true" derived="true"
	 * @generated
	 */
	long getCommittedMemoryMiB();

} // Host
